import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEXT_FILE_LIMIT } from '../../../../electron/contract';
import { bytesRevision, readTextFile, writeTextFile } from '../../../../electron/core/files/text-file';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('text files', () => {
  let project: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir: project, cleanup } = await makeTempDir());
    await fs.writeFile(path.join(project, 'main.py'), 'print("é")\n');
  });
  afterEach(() => cleanup());

  it('reads the text with the hash of its bytes as revision', async () => {
    const read = await readTextFile(project, 'main.py');
    expect(read).toEqual({ content: 'print("é")\n', revision: bytesRevision(Buffer.from('print("é")\n')), size: 12 });
  });

  it('saves with the revision read, atomically, keeping the mode', async () => {
    await fs.chmod(path.join(project, 'main.py'), 0o640);
    const read = await readTextFile(project, 'main.py');
    const saved = await writeTextFile(project, 'main.py', 'print(2)\n', read.revision);
    expect(saved).toEqual({ revision: bytesRevision(Buffer.from('print(2)\n')), size: 9 });
    expect(await fs.readFile(path.join(project, 'main.py'), 'utf8')).toBe('print(2)\n');
    expect((await fs.stat(path.join(project, 'main.py'))).mode & 0o777).toBe(0o640);
    expect(await fs.readdir(project)).toEqual(['main.py']);
  });

  it('refuses a save over a change made on disk since the read, unless told to overwrite', async () => {
    const read = await readTextFile(project, 'main.py');
    await fs.writeFile(path.join(project, 'main.py'), 'changed elsewhere\n');
    await expect(writeTextFile(project, 'main.py', 'mine\n', read.revision)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('changed on disk since it was read'),
    });
    expect(await fs.readFile(path.join(project, 'main.py'), 'utf8')).toBe('changed elsewhere\n');
    await writeTextFile(project, 'main.py', 'mine\n', read.revision, true);
    expect(await fs.readFile(path.join(project, 'main.py'), 'utf8')).toBe('mine\n');
  });

  it('writes through a link inside the project to its target, keeping the link', async () => {
    await fs.symlink('main.py', path.join(project, 'alias.py'));
    const read = await readTextFile(project, 'alias.py');
    await writeTextFile(project, 'alias.py', 'via link\n', read.revision);
    expect((await fs.lstat(path.join(project, 'alias.py'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(path.join(project, 'main.py'), 'utf8')).toBe('via link\n');
  });

  it('keeps a byte-order mark', async () => {
    await fs.writeFile(path.join(project, 'bom.txt'), '\uFEFFhello');
    const read = await readTextFile(project, 'bom.txt');
    expect(read.content).toBe('\uFEFFhello');
    await writeTextFile(project, 'bom.txt', `${read.content}!`, read.revision);
    expect((await fs.readFile(path.join(project, 'bom.txt'))).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('refuses files over the limit', async () => {
    await fs.writeFile(path.join(project, 'big.csv'), Buffer.alloc(TEXT_FILE_LIMIT + 1, 'a'));
    await expect(readTextFile(project, 'big.csv')).rejects.toMatchObject({ code: 'FILE_TOO_BIG' });
    await fs.writeFile(path.join(project, 'limit.csv'), Buffer.alloc(TEXT_FILE_LIMIT, 'a'));
    expect((await readTextFile(project, 'limit.csv')).size).toBe(TEXT_FILE_LIMIT);
  });

  it('refuses binary files: a NUL byte, or bytes that are not UTF-8', async () => {
    await fs.writeFile(path.join(project, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await fs.writeFile(path.join(project, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    await expect(readTextFile(project, 'image.png')).rejects.toMatchObject({ code: 'FILE_NOT_TEXT' });
    await expect(readTextFile(project, 'latin1.txt')).rejects.toMatchObject({ code: 'FILE_NOT_TEXT' });
  });

  it('refuses folders and missing files', async () => {
    await fs.mkdir(path.join(project, 'data'));
    await expect(readTextFile(project, 'data')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(readTextFile(project, 'nope.py')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
