import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileEntry } from '../../contract';
import { AppError } from '../app-error';
import { resolveInsideProject } from './project-paths';

/** Folders a person never wants to browse in a project tree. */
export const HIDDEN_IN_TREE = new Set(['.git', 'node_modules']);

/** One level of a project's file tree: folders first, then by name. */
export async function listProjectFolder(projectDir: string, relative: string): Promise<FileEntry[]> {
  const folder = await resolveInsideProject(projectDir, relative);
  let dirents;
  try {
    dirents = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new AppError('INVALID_INPUT', `'${relative}' is a file, not a folder`, 'path');
    throw new AppError('FORBIDDEN_PATH', `'${relative}' cannot be read (${code ?? 'error'})`, 'path');
  }
  const prefix = relative === '' ? '' : `${relative.replace(/\/+$/, '')}/`;
  const entries = await Promise.all(
    dirents
      .filter((d) => !HIDDEN_IN_TREE.has(d.name))
      .map(async (d): Promise<FileEntry> => {
        const kind = d.isSymbolicLink() ? 'symlink' : d.isDirectory() ? 'directory' : 'file';
        const size = kind === 'file' ? await fs.stat(path.join(folder, d.name)).then((s) => s.size, () => 0) : 0;
        return { name: d.name, path: prefix + d.name, kind, size };
      }),
  );
  return entries.sort(
    (a, b) => Number(b.kind === 'directory') - Number(a.kind === 'directory') || a.name.localeCompare(b.name),
  );
}
