import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFile, createFolder, deleteEntry, describeEntry, moveEntry } from '../../../../electron/core/files/file-operations';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('file operations', () => {
  let project: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir: project, cleanup } = await makeTempDir());
    await fs.mkdir(path.join(project, 'data', 'raw'), { recursive: true });
    await fs.writeFile(path.join(project, 'data', 'raw', 'a.csv'), 'x\n1\n');
    await fs.writeFile(path.join(project, 'data', 'b.csv'), 'x\n2\n');
    await fs.writeFile(path.join(project, 'main.py'), 'print(1)\n');
  });
  afterEach(() => cleanup());

  it('creates an empty file and a folder, and refuses what exists', async () => {
    expect(await createFile(project, 'data/new.py')).toEqual({ name: 'new.py', path: 'data/new.py', kind: 'file', size: 0 });
    expect(await fs.readFile(path.join(project, 'data', 'new.py'), 'utf8')).toBe('');
    expect(await createFolder(project, 'notebooks')).toEqual({ name: 'notebooks', path: 'notebooks', kind: 'directory', size: 0 });
    expect((await fs.stat(path.join(project, 'notebooks'))).isDirectory()).toBe(true);
    await expect(createFile(project, 'main.py')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(createFolder(project, 'data')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await fs.readFile(path.join(project, 'main.py'), 'utf8')).toBe('print(1)\n');
  });

  it('needs the parent folder to exist', async () => {
    await expect(createFile(project, 'nowhere/x.py')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createFile(project, 'main.py/x.py')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('renames and moves files and folders, never over something', async () => {
    expect(await moveEntry(project, 'main.py', 'run.py')).toMatchObject({ path: 'run.py', kind: 'file' });
    await moveEntry(project, 'run.py', 'data/raw/run.py');
    expect(await fs.readFile(path.join(project, 'data', 'raw', 'run.py'), 'utf8')).toBe('print(1)\n');
    expect(await moveEntry(project, 'data/raw', 'raw')).toMatchObject({ path: 'raw', kind: 'directory' });
    expect((await fs.readdir(path.join(project, 'raw'))).sort()).toEqual(['a.csv', 'run.py']);
    await expect(moveEntry(project, 'raw/a.csv', 'data/b.csv')).rejects.toMatchObject({ code: 'CONFLICT', field: 'to' });
    expect(await fs.readFile(path.join(project, 'data', 'b.csv'), 'utf8')).toBe('x\n2\n');
    await expect(moveEntry(project, 'missing.py', 'x.py')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'from' });
  });

  it('refuses to move a folder inside itself', async () => {
    await expect(moveEntry(project, 'data', 'data/raw/data')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fs.readdir(path.join(project, 'data', 'raw'))).toEqual(['a.csv']);
  });

  it('counts what a folder delete takes away', async () => {
    expect(await describeEntry(project, 'data')).toEqual({ kind: 'directory', files: 2, folders: 1, partial: false });
    expect(await describeEntry(project, 'main.py')).toEqual({ kind: 'file', files: 1, folders: 0, partial: false });
  });

  it('deletes for good without a trash (the headless host)', async () => {
    expect(await deleteEntry(project, 'data')).toEqual({ trashed: false });
    expect(await fs.readdir(project)).toEqual(['main.py']);
    await expect(deleteEntry(project, 'data')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('hands the entry to the trash when there is one (the desktop app)', async () => {
    const trash = vi.fn(async (absolute: string) => {
      await fs.rename(absolute, `${absolute}.trashed`);
    });
    expect(await deleteEntry(project, 'main.py', trash)).toEqual({ trashed: true });
    expect(trash).toHaveBeenCalledWith(path.join(await fs.realpath(project), 'main.py'));
  });
});
