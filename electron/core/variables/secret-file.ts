import fs from 'node:fs/promises';
import { AppError } from '../app-error';
import { writeDurably } from '../files/durable-write';

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
  await writeDurably(file, data, {
    mode: 0o600,
    folderMode: 0o700,
    diskFullMessage: `The variables were not saved: no space left on the disk. ${file} is as it was.`,
  });
}

export async function removeSecretFile(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

/** The file exists but cannot be used here; the message says it was left as it is. */
export function secretsUnavailable(file: string, reason: string, hint?: string): AppError {
  const rest = hint ? ` ${hint}` : '';
  return new AppError('SECRETS_UNAVAILABLE', `The variables file ${file} ${reason}. It was left as it is.${rest}`);
}
