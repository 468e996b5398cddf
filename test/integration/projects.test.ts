import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrchestApp } from '../../electron/core/app';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import { makeTempDir } from '../helpers/temp-dir';

describe('project folders made and removed by hand', () => {
  let app: OrchestApp;
  let projects: string;
  let cleanup: () => Promise<void>;
  let caller: { dispose(): void };
  let onProjectsChanged: (() => void) | undefined;

  /** Resolves at the next `projects.changed` sent to the caller; fails saying so when none comes in time. */
  function nextProjectsChanged(after: string, ms = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no projects.changed within ${ms / 1000} s after ${after}`)), ms);
      onProjectsChanged = () => (clearTimeout(timer), (onProjectsChanged = undefined), resolve());
    });
  }

  // In this process, where start() resolves once the workspace is watched (the host says it serves before).
  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = await makeTempDir('od-projects-'));
    const settings = createConfSettings(path.join(dir, 'home'));
    settings.update({ workspace: path.join(dir, 'workspace') });
    projects = path.join(dir, 'workspace', 'projects');
    app = new OrchestApp({ home: path.join(dir, 'home'), shell: 'host', version: 'test', settings });
    await app.start();
    caller = app.bridge.connect((name) => void (name === 'projects.changed' && onProjectsChanged?.()));
  });

  afterEach(async () => {
    caller?.dispose();
    await app?.dispose();
    await cleanup?.();
  });

  it('tells a connected caller when a folder appears in or leaves projects/', async () => {
    const names = async () => (await app.projects.list()).map((p) => p.name);

    const added = nextProjectsChanged('the folder was made');
    await fs.mkdir(path.join(projects, 'made-by-hand'));
    await added;
    expect(await names()).toEqual(['made-by-hand']);

    const removed = nextProjectsChanged('the folder was removed');
    await fs.rm(path.join(projects, 'made-by-hand'), { recursive: true });
    await removed;
    expect(await names()).toEqual([]);
  });
});
