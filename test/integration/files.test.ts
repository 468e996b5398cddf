import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../electron/contract';
import { OrchestApp } from '../../electron/core/app';
import type { DesktopFileHooks } from '../../electron/core/files/desktop-file-hooks';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import { makeTempDir } from '../helpers/temp-dir';

/** The files.* requests through the bridge (validation at the edge included), on a real project folder. */
describe('files requests', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let app: OrchestApp | undefined;

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir('od-files-'));
  });
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
    await cleanup();
  });

  async function start(desktopFiles?: DesktopFileHooks) {
    const settings = createConfSettings(path.join(dir, 'home'));
    settings.update({ workspace: path.join(dir, 'workspace') });
    app = new OrchestApp({ home: path.join(dir, 'home'), shell: desktopFiles ? 'electron' : 'host', version: 'test', settings, ...(desktopFiles && { desktopFiles }) });
    await app.start();
    const caller = app.bridge.connect(() => undefined);
    const project = await app.projects.create('demo');
    const request = (name: string, input: Record<string, unknown>) =>
      caller.request(name, { projectId: project.uuid, ...input }) as Promise<Envelope<unknown>>;
    return { request, folder: project.path };
  }

  it('creates, writes, reads, moves and deletes for good in the headless host', async () => {
    const { request, folder } = await start();
    expect(await request('files.createFolder', { path: 'src' })).toMatchObject({ ok: true });
    expect(await request('files.createFile', { path: 'src/a.py' })).toEqual({
      ok: true,
      value: { name: 'a.py', path: 'src/a.py', kind: 'file', size: 0 },
    });
    const read = (await request('files.read', { path: 'src/a.py' })) as Envelope<{ revision: string }>;
    if (!read.ok) throw new Error(read.error.message);
    expect(await request('files.write', { path: 'src/a.py', content: 'x = 1\n', revision: read.value.revision })).toMatchObject({ ok: true });
    expect(await request('files.write', { path: 'src/a.py', content: 'x = 2\n', revision: read.value.revision })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: "'src/a.py' changed on disk since it was read" },
    });
    expect(await fs.readFile(path.join(folder, 'src', 'a.py'), 'utf8')).toBe('x = 1\n');
    expect(await request('files.download', { path: 'src/a.py' })).toEqual({
      ok: true,
      value: { name: 'a.py', size: 6, base64: Buffer.from('x = 1\n').toString('base64') },
    });

    // A pipeline file renamed here is what the pipelines listing shows next.
    expect(await request('files.move', { from: 'main.orchest', to: 'src/renamed.orchest' })).toMatchObject({ ok: true });
    const pipelines = (await request('pipelines.list', {})) as Envelope<{ path: string }[]>;
    expect(pipelines.ok && pipelines.value.map((p) => p.path)).toEqual(['src/renamed.orchest']);

    expect(await request('files.describe', { path: 'src' })).toEqual({ ok: true, value: { kind: 'directory', files: 2, folders: 0, partial: false } });
    expect(await request('files.delete', { path: 'src' })).toEqual({ ok: true, value: { trashed: false } });
    await expect(fs.stat(path.join(folder, 'src'))).rejects.toThrow();
    expect(await request('files.openWithSystem', { path: '.gitignore' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses paths outside the project at the edge', async () => {
    const { request, folder } = await start();
    await fs.writeFile(path.join(dir, 'secret.txt'), 'secret');
    await fs.symlink(path.join(dir, 'secret.txt'), path.join(folder, 'link.txt'));
    for (const sent of ['../secret.txt', '/etc/passwd', 'link.txt']) {
      expect(await request('files.read', { path: sent })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_PATH' } });
    }
    expect(await request('files.move', { from: '.gitignore', to: '../stolen' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_PATH' } });
    expect(await request('files.read', { path: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('uses the desktop app’s trash and system applications, but never runs a script', async () => {
    const trashed: string[] = [];
    const opened: string[] = [];
    const { request, folder } = await start({
      trashItem: async (file) => void trashed.push(file),
      openPath: async (file) => void opened.push(file),
    });
    await fs.writeFile(path.join(folder, 'notes.md'), '# notes\n');
    await fs.writeFile(path.join(folder, 'run.sh'), 'echo hi\n');
    await fs.writeFile(path.join(folder, 'tool'), 'binary', { mode: 0o755 });
    const real = await fs.realpath(folder);

    expect(await request('files.delete', { path: 'notes.md' })).toEqual({ ok: true, value: { trashed: true } });
    expect(trashed).toEqual([path.join(real, 'notes.md')]);
    expect(await request('files.openWithSystem', { path: '.gitignore' })).toEqual({ ok: true, value: { ok: true } });
    expect(opened).toEqual([path.join(real, '.gitignore')]);
    for (const script of ['run.sh', 'tool']) {
      expect(await request('files.openWithSystem', { path: script })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_PATH' } });
    }
    expect(opened).toHaveLength(1);
  });
});
