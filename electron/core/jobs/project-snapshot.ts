import { constants, type Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, isDiskFull } from '../app-error';
import { mapLimited } from './map-limited';
import { SnapshotRules } from './snapshot-rules';

/** Orchest warned before snapshotting a project above this size (PR #292). */
export const LARGE_SNAPSHOT_BYTES = 50 * 1024 * 1024;

/** Files copied at once: enough to keep the disk busy, few enough not to starve the thread pool. */
const DEFAULT_CONCURRENCY = 8;

export interface ProjectSize {
  files: number;
  bytes: number;
  folders: number;
  links: number;
  /** Links that point out of the project, which a snapshot leaves out (relative paths). */
  linksOut: string[];
}

export interface CopyProgress {
  files: number;
  bytes: number;
  totalFiles: number;
  totalBytes: number;
}

export interface CopyOptions {
  /** Absolute folders left out wherever they are (the workspace's data folder, if it is in the project). */
  leaveOut?: string[];
  concurrency?: number;
  onProgress?(progress: CopyProgress): void;
  signal?: AbortSignal;
}

interface Entry {
  relative: string;
  kind: 'file' | 'folder' | 'link';
  size: number;
  /** A link's target as written. */
  target?: string;
}

interface Walk {
  entries: Entry[];
  size: ProjectSize;
}

/** What a snapshot of the project takes (size and file count), for the warning before Start; copies nothing. */
export async function measureProject(projectDir: string, options: Pick<CopyOptions, 'leaveOut' | 'signal' | 'concurrency'> = {}): Promise<ProjectSize> {
  return (await walk(projectDir, SnapshotRules.forProject(), options)).size;
}

/**
 * Copies the project into `target` (which must not exist), leaving out what `.gitignore` names, `.git`,
 * the pipelines' logs and `leaveOut`. Links are copied as links, never followed: one that points out of
 * the project is left out, an absolute one into it is made relative (so the copy's points into the copy).
 * All of it is async with at most `concurrency` files at once, so the app stays responsive while a big
 * project is copied. A copy that fails or is aborted is removed.
 */
export async function snapshotProject(projectDir: string, target: string, options: CopyOptions = {}): Promise<ProjectSize> {
  const { entries, size } = await walk(projectDir, SnapshotRules.forProject(), { ...options, leaveOut: [...(options.leaveOut ?? []), target] });
  await copyEntries(projectDir, target, entries, size, options);
  return size;
}

/** A run's own copy of the job's snapshot, all of it; files are cloned where the file system can (reflink). */
export async function copySnapshot(snapshotDir: string, target: string, options: CopyOptions = {}): Promise<ProjectSize> {
  const { entries, size } = await walk(snapshotDir, SnapshotRules.none(), options);
  await copyEntries(snapshotDir, target, entries, size, options);
  return size;
}

async function walk(root: string, rules: SnapshotRules, options: CopyOptions): Promise<Walk> {
  const rootDir = path.resolve(root);
  const leaveOut = new Set((options.leaveOut ?? []).map((folder) => path.resolve(folder)));
  const size: ProjectSize = { files: 0, bytes: 0, folders: 0, links: 0, linksOut: [] };
  const entries: Entry[] = [];
  const folders: Array<{ relative: string; rules: SnapshotRules }> = [{ relative: '', rules }];
  for (let index = 0; index < folders.length; index++) {
    options.signal?.throwIfAborted();
    const next = folders[index]!;
    const absolute = path.join(rootDir, next.relative);
    const children = await readFolder(absolute, next.relative === '');
    const gitignore = children.some((child) => child.name === '.gitignore' && child.isFile())
      ? await fs.readFile(path.join(absolute, '.gitignore'), 'utf8')
      : undefined;
    const folderRules = next.rules.within(next.relative, gitignore);
    const kept = children.filter((child) => {
      const relative = path.posix.join(next.relative, child.name);
      return !folderRules.leavesOut(relative, child.isDirectory()) && !leaveOut.has(path.join(rootDir, relative));
    });
    const described = await mapLimited(kept, options.concurrency ?? DEFAULT_CONCURRENCY, (child) => describe(rootDir, next.relative, child));
    for (const found of described) {
      if (!found) continue;
      const entry = found.kind === 'link' ? linkWithin(rootDir, found) : found;
      if (!entry) {
        size.linksOut.push(found.relative);
        continue;
      }
      entries.push(entry);
      if (entry.kind === 'folder') {
        size.folders++;
        folders.push({ relative: entry.relative, rules: folderRules });
      } else if (entry.kind === 'link') size.links++;
      else {
        size.files++;
        size.bytes += entry.size;
      }
    }
  }
  return { entries, size };
}

/** A folder's entries; one removed while the walk went on is taken as empty (the root must be there). */
async function readFolder(absolute: string, isRoot: boolean): Promise<Dirent[]> {
  try {
    return await fs.readdir(absolute, { withFileTypes: true });
  } catch (error) {
    if (!isRoot && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Files, folders and links; sockets, pipes and devices are not project content and are skipped. */
async function describe(rootDir: string, folder: string, child: Dirent): Promise<Entry | undefined> {
  const relative = path.posix.join(folder, child.name);
  const absolute = path.join(rootDir, relative);
  if (child.isDirectory()) return { relative, kind: 'folder', size: 0 };
  if (child.isSymbolicLink()) return { relative, kind: 'link', size: 0, target: await fs.readlink(absolute) };
  if (!child.isFile()) return undefined;
  const stats = await fs.lstat(absolute).catch(goneAsUndefined);
  return stats && { relative, kind: 'file', size: stats.size };
}

/**
 * A link whose target (read from the link's folder) stays inside the root, made relative if it was
 * absolute so that the copy's link points into the copy; undefined for a link that leads out.
 */
function linkWithin(rootDir: string, entry: Entry): Entry | undefined {
  const folder = path.join(rootDir, path.dirname(entry.relative));
  const resolved = path.resolve(folder, entry.target ?? '');
  const inside = path.relative(rootDir, resolved);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return undefined;
  return path.isAbsolute(entry.target ?? '') ? { ...entry, target: path.relative(folder, resolved) } : entry;
}

/** A file removed while the copy went on is left out, as if it had been removed before. */
function goneAsUndefined(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

async function copyEntries(root: string, target: string, entries: Entry[], size: ProjectSize, options: CopyOptions): Promise<void> {
  const rootDir = path.resolve(root);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.mkdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('CONFLICT', `${target} exists already; a copy goes to a new folder`);
    throw error;
  }
  const progress: CopyProgress = { files: 0, bytes: 0, totalFiles: size.files, totalBytes: size.bytes };
  try {
    // Folders first, each after its parent (the walk listed them so); then files and links into them.
    for (const entry of entries) if (entry.kind === 'folder') await fs.mkdir(path.join(target, entry.relative));
    const content = entries.filter((entry) => entry.kind !== 'folder');
    await mapLimited(content, options.concurrency ?? DEFAULT_CONCURRENCY, async (entry) => {
      options.signal?.throwIfAborted();
      const to = path.join(target, entry.relative);
      if (entry.kind === 'link') {
        await fs.symlink(entry.target!, to);
        return;
      }
      // Clones where the file system can (btrfs, XFS, APFS), copies where it cannot.
      const copied = await fs
        .copyFile(path.join(rootDir, entry.relative), to, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL)
        .then(() => true, goneAsUndefined);
      if (!copied) return;
      progress.files++;
      progress.bytes += entry.size;
      options.onProgress?.({ ...progress });
    });
  } catch (error) {
    await fs.rm(target, { recursive: true, force: true }); // made here, so half of it is removed here
    if (isDiskFull(error)) throw new AppError('DISK_FULL', `The copy into ${target} stopped: no space left on the disk`);
    throw error;
  }
}
