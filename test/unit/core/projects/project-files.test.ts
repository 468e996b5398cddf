import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listProjectFolder } from '../../../../electron/core/projects/project-files';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('listProjectFolder', () => {
  let project: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir: project, cleanup } = await makeTempDir());
    for (const dir of ['.git/objects', 'node_modules/x', 'notebooks', 'data']) await fs.mkdir(path.join(project, dir), { recursive: true });
    await fs.writeFile(path.join(project, 'main.orchest'), '{}');
    await fs.writeFile(path.join(project, 'notebooks', 'b.ipynb'), 'x'.repeat(42));
    await fs.writeFile(path.join(project, 'A.txt'), '');
  });
  afterEach(() => cleanup());

  it('lists folders first, hides .git and node_modules, and gives sizes', async () => {
    const entries = await listProjectFolder(project, '');
    expect(entries.map((e) => [e.name, e.kind])).toEqual([
      ['data', 'directory'],
      ['notebooks', 'directory'],
      ['A.txt', 'file'],
      ['main.orchest', 'file'],
    ]);
    expect(await listProjectFolder(project, 'notebooks')).toEqual([
      { name: 'b.ipynb', path: 'notebooks/b.ipynb', kind: 'file', size: 42 },
    ]);
  });

  it('refuses to list a file as a folder', async () => {
    await expect(listProjectFolder(project, 'A.txt')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
