import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, isDiskFull } from '../app-error';

/** The file's bytes, or undefined when there is no file yet. */
export async function readSecretFile(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw secretsUnavailable(file, `cannot be read (${(error as Error).message})`);
  }
}

export async function secretFileExists(file: string): Promise<boolean> {
  return fs.lstat(file).then(() => true, () => false);
}

/**
 * Replaces the file at once: a reader sees the old bytes or the new, never a part. The bytes go to a
 * fresh 0600 file beside it (O_EXCL, so no planted symlink is followed), which is then renamed over it.
 */
export async function writeSecretFile(file: string, data: string | Uint8Array): Promise<void> {
  const folder = path.dirname(file);
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  const temp = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.chmod(0o600); // exact, whatever the umask
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    if (isDiskFull(error)) {
      throw new AppError('DISK_FULL', `The variables were not saved: no space left on the disk. ${file} is as it was.`);
    }
    throw error;
  }
  await syncFolder(folder);
}

export async function removeSecretFile(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

/** The file exists but cannot be used here; the message says it was left as it is. */
export function secretsUnavailable(file: string, reason: string, hint?: string): AppError {
  const rest = hint ? ` ${hint}` : '';
  return new AppError('SECRETS_UNAVAILABLE', `The variables file ${file} ${reason}. It was left as it is.${rest}`);
}

/** Makes the rename durable where folders can be synced (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}
