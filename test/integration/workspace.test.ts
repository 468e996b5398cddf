import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project, WorkspaceStatus } from '../../electron/contract';
import { startSessionApp, type SessionApp } from '../helpers/session-app';
import { makeTempDir } from '../helpers/temp-dir';

describe('the workspace', () => {
  let current: SessionApp | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await current?.close();
    current = undefined;
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  /** Resolves once a projects.changed has come and `holds` is true; a stale event does not end the wait. */
  function afterProjectsChanged(app: SessionApp['app'], holds: () => Promise<boolean> = async () => true): Promise<void> {
    return new Promise((resolve, reject) => {
      const caller = app.bridge.connect((name) => {
        if (name !== 'projects.changed') return;
        holds().then((yes) => yes && (caller.dispose(), resolve()), reject);
      });
    });
  }

  const projectNames = async () => ((await current!.request('projects.list', {})) as Project[]).map((p) => p.name).sort();

  it("changes while the app runs: the new folder's projects are listed, and folders made there by hand show up", async () => {
    current = await startSessionApp('in-the-first');
    const { dir, cleanup } = await makeTempDir();
    cleanups.push(cleanup);
    const second = path.join(dir, 'second');
    await fs.mkdir(path.join(second, 'projects', 'already-there'), { recursive: true });

    const told = afterProjectsChanged(current.app);
    await current.request('settings.update', { workspace: second });
    await told;
    expect(await projectNames()).toEqual(['already-there']);
    expect(await current.request('workspace.status', {})).toEqual({
      path: second,
      projectsPath: path.join(second, 'projects'),
      dataPath: path.join(second, 'data'),
    });

    const listed = afterProjectsChanged(current.app, async () => (await projectNames()).includes('by-hand'));
    await fs.mkdir(path.join(second, 'projects', 'by-hand'));
    await listed;
    expect(await projectNames()).toEqual(['already-there', 'by-hand']);
  });

  it('says why a folder cannot be used', async () => {
    current = await startSessionApp('usable');
    const { dir, cleanup } = await makeTempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'a-file');
    await fs.writeFile(file, 'not a folder');

    await current.request('settings.update', { workspace: file });
    const status = (await current.request('workspace.status', {})) as WorkspaceStatus;
    expect(status).toMatchObject({ path: file, error: `The workspace folder ${path.join(file, 'projects')} cannot be used (ENOTDIR)` });
    expect(await fs.readFile(file, 'utf8')).toBe('not a folder');
  });
});
