import type { FileHandle } from 'node:fs/promises';

const CHUNK = 256 * 1024;

/**
 * The lines of a file between two byte offsets, read in chunks and decoded one line at a time (so a
 * multi-byte character is never split). Calls `take` with each line and its length in bytes (the
 * newline included); stops when it returns false.
 */
export async function forEachLine(
  handle: FileHandle,
  start: number,
  end: number,
  take: (line: string, bytes: number) => boolean,
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const buffer = Buffer.alloc(CHUNK);
  let carry: Buffer[] = [];
  let position = start;
  while (position < end) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, end - position), position);
    if (bytesRead === 0) break;
    position += bytesRead;
    let from = 0;
    for (let nl = buffer.indexOf(0x0a, from); nl !== -1 && nl < bytesRead; nl = buffer.indexOf(0x0a, from)) {
      const piece = buffer.subarray(from, nl);
      const bytes = carry.length > 0 ? Buffer.concat([...carry, piece]) : piece;
      carry = [];
      from = nl + 1;
      if (!take(decoder.decode(bytes), bytes.length + 1)) return;
    }
    if (from < bytesRead) carry.push(Buffer.from(buffer.subarray(from, bytesRead)));
  }
  if (carry.length > 0) {
    const bytes = Buffer.concat(carry);
    take(decoder.decode(bytes), bytes.length);
  }
}
