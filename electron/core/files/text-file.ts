import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { TEXT_FILE_LIMIT, type TextFile } from '../../contract';
import { AppError, isDiskFull } from '../app-error';
import { contentPath, existingEntry } from './entry-path';

/** Where a NUL byte says "binary", as git and most editors look. */
const SNIFF_BYTES = 8 * 1024;

export function bytesRevision(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** A file's text for the editor; FILE_TOO_BIG or FILE_NOT_TEXT when it is not one to edit here. */
export async function readTextFile(projectDir: string, relative: string): Promise<TextFile> {
  const { file, shown, size } = await regularFile(projectDir, relative);
  const tooBig = new AppError('FILE_TOO_BIG', `'${shown}' is larger than ${TEXT_FILE_LIMIT / 1024 / 1024} MB and is not opened here`, 'path');
  if (size > TEXT_FILE_LIMIT) throw tooBig;
  // It may have grown since the stat: read one byte past the limit to know.
  const bytes = await readAtMost(file, TEXT_FILE_LIMIT + 1);
  if (bytes.length > TEXT_FILE_LIMIT) throw tooBig;
  return { content: decodeText(bytes, shown), revision: bytesRevision(bytes), size: bytes.length };
}

/**
 * Saves through a temp file and a rename, and only while the file still holds the revision that was read
 * (unless `overwrite`): a change made on disk meanwhile is never lost silently.
 */
export async function writeTextFile(
  projectDir: string,
  relative: string,
  content: string,
  revision: string,
  overwrite = false,
): Promise<Omit<TextFile, 'content'>> {
  const { file, shown } = await regularFile(projectDir, relative);
  const bytes = Buffer.from(content, 'utf8');
  const assertUnchanged = async () => {
    if (overwrite) return;
    const current = await fs.readFile(file).catch(() => undefined);
    if (!current || bytesRevision(current) !== revision) {
      throw new AppError('CONFLICT', `'${shown}' changed on disk since it was read`, 'revision');
    }
  };
  await assertUnchanged();
  const { mode } = await fs.stat(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx', mode: mode & 0o7777 });
    await assertUnchanged();
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    if (isDiskFull(error)) throw new AppError('DISK_FULL', `'${shown}' was not saved: no space left on the disk. The file is as it was.`);
    throw error;
  }
  return { revision: bytesRevision(bytes), size: bytes.length };
}

/** The real path of a regular file of the project (a link inside the project is followed). */
export async function regularFile(projectDir: string, relative: string): Promise<{ file: string; shown: string; size: number }> {
  const entry = await existingEntry(projectDir, relative);
  const file = await contentPath(entry);
  const stat = await fs.stat(file);
  if (!stat.isFile()) throw new AppError('INVALID_INPUT', `'${entry.relative}' is not a file`, 'path');
  return { file, shown: entry.relative, size: stat.size };
}

async function readAtMost(file: string, limit: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    let length = 0;
    while (length < limit) {
      const { bytesRead } = await handle.read(buffer, length, limit - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** UTF-8 text, a byte-order mark kept so a save writes it back; anything else is FILE_NOT_TEXT. */
function decodeText(bytes: Buffer, shown: string): string {
  const notText = new AppError('FILE_NOT_TEXT', `'${shown}' is a binary file, not text`, 'path');
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw notText;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw notText;
  }
}
