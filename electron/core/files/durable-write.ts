import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, isDiskFull } from '../app-error';

export interface DurableWriteOptions {
  /** The file's mode, exact whatever the umask; the default one when absent. */
  mode?: number;
  /** The mode of the folders made on the way. */
  folderMode?: number;
  /** What a full disk is said as (DISK_FULL); the file is as it was. */
  diskFullMessage: string;
}

/**
 * Replaces the file at once, and for good: the bytes go to a fresh file beside it (O_EXCL, so no planted
 * link is followed), flushed to the disk, renamed over it, and the folder synced. A reader, or the app
 * after a crash, finds the old bytes or the new, never a part.
 */
export async function writeDurably(file: string, data: string | Uint8Array, options: DurableWriteOptions): Promise<void> {
  const folder = path.dirname(file);
  await fs.mkdir(folder, { recursive: true, ...(options.folderMode !== undefined && { mode: options.folderMode }) });
  const temp = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', options.mode);
    try {
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    if (isDiskFull(error)) throw new AppError('DISK_FULL', options.diskFullMessage);
    throw error;
  }
  await syncFolder(folder);
}

/** Makes a rename durable where folders can be synced (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}
