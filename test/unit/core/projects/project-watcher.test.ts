import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FolderWatcher } from '../../../../electron/core/projects/project-watcher';
import { makeTempDir } from '../../../helpers/temp-dir';

let project: string;
let cleanup: () => Promise<void>;
let watcher: FolderWatcher | undefined;

beforeEach(async () => {
  ({ dir: project, cleanup } = await makeTempDir());
  await fs.mkdir(path.join(project, '.orchest/pipelines/p-uuid/logs'), { recursive: true });
  await fs.mkdir(path.join(project, '.orchest/environments/e-uuid'), { recursive: true });
});
afterEach(async () => {
  await watcher?.dispose();
  await cleanup();
});

it('reports changed folders, but not the logs the app writes as services print', async () => {
  await fs.mkdir(path.join(project, 'last'));
  const reports: string[][] = [];
  watcher = new FolderWatcher(project, (folders) => reports.push(folders));
  await watcher.ready;

  const log = path.join(project, '.orchest/pipelines/p-uuid/logs/redis.log');
  for (let i = 0; i < 20; i++) await fs.appendFile(log, `line ${i}\n`);
  await fs.writeFile(path.join(project, '.orchest/environments/e-uuid/properties.json'), '{}');
  await fs.writeFile(path.join(project, 'notes.txt'), 'hello');
  await expect.poll(() => reports.flat().sort(), { timeout: 5_000 }).toEqual(['', '.orchest/environments/e-uuid']);

  // Nothing comes late for the log either: a change made after it is reported, and the log still is not.
  await fs.writeFile(path.join(project, 'last', 'sentinel.txt'), '');
  await expect.poll(() => reports.flat(), { timeout: 5_000 }).toContain('last');
  expect(reports.flat()).not.toContain('.orchest/pipelines/p-uuid/logs');
}, 15_000);

it('is ready when disposed before its first scan ends, so that nobody waits for it forever', async () => {
  watcher = new FolderWatcher(project, () => undefined);
  await watcher.dispose();
  await watcher.ready;
});
