import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFile, createFolder, deleteEntry, describeEntry, moveEntry } from '../../../../electron/core/files/file-operations';
import { readTextFile, writeTextFile } from '../../../../electron/core/files/text-file';
import { makeTempDir } from '../../../helpers/temp-dir';

/** Every file operation, asked to reach outside the project in every way we know. */
describe('file operations never leave the project', () => {
  let root: string;
  let project: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    project = path.join(root, 'project');
    await fs.mkdir(path.join(project, 'src'), { recursive: true });
    await fs.writeFile(path.join(project, 'src', 'a.py'), 'print(1)\n');
    await fs.mkdir(path.join(root, 'outside'));
    await fs.writeFile(path.join(root, 'outside', 'secret.txt'), 'secret');
    await fs.symlink(path.join(root, 'outside'), path.join(project, 'linked-folder'));
    await fs.symlink(path.join(root, 'outside', 'secret.txt'), path.join(project, 'linked-file'));
    await fs.symlink(path.join(root, 'outside', 'gone.txt'), path.join(project, 'dangling'));
  });
  afterEach(() => cleanup());

  const outsidePaths = [
    '../outside/secret.txt',
    'src/../../outside/secret.txt',
    path.join('/', 'etc', 'passwd'),
    'linked-file',
    'linked-folder/secret.txt',
    'linked-folder/new.txt',
    'dangling',
  ];

  const operations: Record<string, (relative: string) => Promise<unknown>> = {
    createFile: (relative) => createFile(project, relative),
    createFolder: (relative) => createFolder(project, relative),
    'move from': (relative) => moveEntry(project, relative, 'src/moved'),
    'move to': (relative) => moveEntry(project, 'src/a.py', relative),
    delete: (relative) => deleteEntry(project, relative),
    describe: (relative) => describeEntry(project, relative),
    read: (relative) => readTextFile(project, relative),
    write: (relative) => writeTextFile(project, relative, 'pwned', 'any', true),
  };

  for (const [name, operation] of Object.entries(operations)) {
    it.each(outsidePaths)(`${name} refuses %j`, async (relative) => {
      await expect(operation(relative)).rejects.toMatchObject({ code: 'FORBIDDEN_PATH' });
      expect(await fs.readFile(path.join(root, 'outside', 'secret.txt'), 'utf8')).toBe('secret');
      expect((await fs.readdir(path.join(root, 'outside'))).sort()).toEqual(['secret.txt']);
    });
  }

  it('refuses the project folder itself', async () => {
    await expect(deleteEntry(project, '')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(deleteEntry(project, '.')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(moveEntry(project, 'src/..', 'elsewhere')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('works through a link that stays inside the project', async () => {
    await fs.symlink(path.join(project, 'src'), path.join(project, 'inner'));
    await createFile(project, 'inner/b.py');
    expect(await fs.readFile(path.join(project, 'src', 'b.py'), 'utf8')).toBe('');
    const read = await readTextFile(project, 'inner/a.py');
    expect(read.content).toBe('print(1)\n');
  });

  it('deletes a link, not what it leads to', async () => {
    await fs.symlink(path.join(project, 'src'), path.join(project, 'inner'));
    await deleteEntry(project, 'inner');
    expect(await fs.readdir(path.join(project, 'src'))).toEqual(['a.py']);
  });
});
