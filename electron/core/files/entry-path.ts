import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';
import { isInside, resolveInsideProject } from '../projects/project-paths';

/** A file or folder of a project named by the renderer, resolved for an operation on the entry itself. */
export interface EntryPath {
  /** The path as the renderer sent it, normalised ("a/b.py"): used in messages and answers. */
  relative: string;
  /** The entry's real parent folder joined with its name: a final link is the link, not its target. */
  absolute: string;
  /** The project folder's real path. */
  root: string;
  /** lstat of the entry, undefined when nothing is there. */
  stat: Stats | undefined;
}

const forbidden = (relative: string, why: string) => new AppError('FORBIDDEN_PATH', `'${relative}' ${why}`, 'path');

/**
 * Resolves a project-relative path so that nothing outside the project is ever reached: absolute paths,
 * `..` out of the folder, a parent folder that is (or passes through) a link leading out, and an entry
 * that is itself a link leading out are all FORBIDDEN_PATH. The parent folder must exist.
 */
export async function resolveEntry(projectDir: string, sent: string, field = 'path'): Promise<EntryPath> {
  if (sent.includes('\0')) throw forbidden(sent, 'contains a NUL character');
  if (path.isAbsolute(sent) || path.posix.isAbsolute(sent) || /^[a-zA-Z]:/.test(sent)) {
    throw forbidden(sent, 'must be relative to the project');
  }
  const relative = path.posix.normalize(path.sep === '\\' ? sent.replaceAll('\\', '/') : sent).replace(/\/+$/, '');
  if (relative === '..' || relative.startsWith('../')) throw forbidden(sent, 'leaves the project folder');
  if (relative === '.' || relative === '') {
    throw new AppError('INVALID_INPUT', 'The project folder itself cannot be changed here', field);
  }
  const root = await fs.realpath(projectDir);
  const parentRelative = path.posix.dirname(relative);
  const parent = await resolveInsideProject(projectDir, parentRelative === '.' ? '' : parentRelative).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', `The folder '${parentRelative}' does not exist in the project`, field);
    }
    throw error;
  });
  const parentStat = await fs.stat(parent);
  if (!parentStat.isDirectory()) throw new AppError('INVALID_INPUT', `'${parentRelative}' is a file, not a folder`, field);
  const absolute = path.join(parent, path.posix.basename(relative));
  const stat = await fs.lstat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stat?.isSymbolicLink() && !isInside(root, await linkTarget(absolute))) {
    throw forbidden(sent, 'is a link that leads outside the project folder');
  }
  return { relative, absolute, root, stat };
}

/** Where a link leads: its real path, or for a dangling link the path it names. */
async function linkTarget(link: string): Promise<string> {
  try {
    return await fs.realpath(link);
  } catch {
    return path.resolve(path.dirname(link), await fs.readlink(link));
  }
}

/** The entry, which must exist. */
export async function existingEntry(projectDir: string, sent: string, field = 'path'): Promise<EntryPath & { stat: Stats }> {
  const entry = await resolveEntry(projectDir, sent, field);
  if (!entry.stat) throw new AppError('NOT_FOUND', `'${entry.relative}' does not exist in the project`, field);
  return entry as EntryPath & { stat: Stats };
}

/** The entry, which must not exist yet. */
export async function freeEntry(projectDir: string, sent: string, field = 'path'): Promise<EntryPath> {
  const entry = await resolveEntry(projectDir, sent, field);
  if (entry.stat) throw new AppError('CONFLICT', `'${entry.relative}' already exists`, field);
  return entry;
}

/** The real path of an existing entry's content (a link inside the project is followed). */
export async function contentPath(entry: EntryPath): Promise<string> {
  const real = await fs.realpath(entry.absolute);
  if (!isInside(entry.root, real)) throw forbidden(entry.relative, 'is a link that leads outside the project folder');
  return real;
}
