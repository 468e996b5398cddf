import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EntrySummary, FileEntry } from '../../contract';
import { AppError, isDiskFull } from '../app-error';
import { existingEntry, freeEntry, resolveEntry, type EntryPath } from './entry-path';

/** A folder's count stops here: the confirmation then says "at least". */
const COUNT_LIMIT = 100_000;

export async function createFile(projectDir: string, relative: string): Promise<FileEntry> {
  const entry = await freeEntry(projectDir, relative);
  // 'wx' fails on anything already there, a link included, even if it appeared since the check.
  await fs.writeFile(entry.absolute, '', { flag: 'wx' }).catch((error: unknown) => {
    throw failure(error, entry, 'created');
  });
  return entryOf(entry.relative, await fs.lstat(entry.absolute));
}

export async function createFolder(projectDir: string, relative: string): Promise<FileEntry> {
  const entry = await freeEntry(projectDir, relative);
  await fs.mkdir(entry.absolute).catch((error: unknown) => {
    throw failure(error, entry, 'created');
  });
  return entryOf(entry.relative, await fs.lstat(entry.absolute));
}

/** Makes a folder of the project and the ones above it that are missing, each checked as createFolder does. */
export async function ensureFolder(projectDir: string, relative: string, field = 'path'): Promise<void> {
  if (relative === '.' || relative === '') return;
  let made = '';
  for (const name of relative.split('/')) {
    made = made ? `${made}/${name}` : name;
    const entry = await resolveEntry(projectDir, made, field);
    if (!entry.stat) {
      await fs.mkdir(entry.absolute).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw failure(error, entry, 'created', field);
      });
    } else if (!(await fs.stat(entry.absolute)).isDirectory()) {
      throw new AppError('CONFLICT', `'${entry.relative}' is a file, where a folder is wanted`, field);
    }
  }
}

/** Renames or moves; both ends are checked, and a folder cannot go inside itself. */
export async function moveEntry(projectDir: string, from: string, to: string): Promise<FileEntry> {
  const source = await existingEntry(projectDir, from, 'from');
  const target = await resolveEntry(projectDir, to, 'to');
  // On a case-insensitive disk "a.py" -> "A.py" finds the source itself at the target: that is a rename.
  if (target.stat && !(await isSameEntry(source.absolute, target.absolute))) {
    throw new AppError('CONFLICT', `'${target.relative}' already exists`, 'to');
  }
  if (target.absolute === source.absolute || target.absolute.startsWith(`${source.absolute}${path.sep}`)) {
    throw new AppError('INVALID_INPUT', `'${source.relative}' cannot be moved inside itself`, 'to');
  }
  await fs.rename(source.absolute, target.absolute).catch((error: unknown) => {
    throw failure(error, target, 'moved there', 'to');
  });
  return entryOf(target.relative, await fs.lstat(target.absolute));
}

/** Deletes for good (the headless host), or hands the entry to `trash` (the desktop app). */
export async function deleteEntry(
  projectDir: string,
  relative: string,
  trash?: (absolutePath: string) => Promise<void>,
): Promise<{ trashed: boolean }> {
  const entry = await existingEntry(projectDir, relative);
  try {
    if (trash) await trash(entry.absolute);
    // rm never follows links: a link is removed, not what it leads to.
    else await fs.rm(entry.absolute, { recursive: true });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('CONFLICT', `'${entry.relative}' could not be deleted: ${reason}`, 'path');
  }
  return { trashed: Boolean(trash) };
}

/** How many files and folders a delete would take away. */
export async function describeEntry(projectDir: string, relative: string): Promise<EntrySummary> {
  const entry = await existingEntry(projectDir, relative);
  const kind = kindOf(entry.stat);
  if (kind !== 'directory') return { kind, files: 1, folders: 0, partial: false };
  const summary: EntrySummary = { kind, files: 0, folders: 0, partial: false };
  const pending = [entry.absolute];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    const children = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const child of children) {
      if (summary.files + summary.folders >= COUNT_LIMIT) return { ...summary, partial: true };
      if (child.isDirectory()) {
        summary.folders += 1;
        pending.push(path.join(folder, child.name));
      } else summary.files += 1;
    }
  }
  return summary;
}

async function isSameEntry(a: string, b: string): Promise<boolean> {
  const [first, second] = await Promise.all([fs.lstat(a), fs.lstat(b)]);
  return first.dev === second.dev && first.ino === second.ino;
}

export function kindOf(stat: Stats): FileEntry['kind'] {
  return stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'directory' : 'file';
}

function entryOf(relative: string, stat: Stats): FileEntry {
  const kind = kindOf(stat);
  return { name: path.posix.basename(relative), path: relative, kind, size: kind === 'file' ? stat.size : 0 };
}

/** A refusal of the file system, said with the entry's project path. */
function failure(error: unknown, entry: EntryPath, what: string, field = 'path'): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTEMPTY') return new AppError('CONFLICT', `'${entry.relative}' already exists`, field);
  if (isDiskFull(error)) return new AppError('DISK_FULL', `'${entry.relative}' could not be ${what}: no space left on the disk`);
  return new AppError('FORBIDDEN_PATH', `'${entry.relative}' could not be ${what} (${code ?? 'error'})`, field);
}
