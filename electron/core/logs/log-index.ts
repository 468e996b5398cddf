/** Every STRIDE-th line's byte offset is kept, so that memory stays small however long the log grows. */
export const STRIDE = 1024;

/**
 * Where the lines of a log file start, sparsely: line 1 (the first after the run marker) and every
 * STRIDE-th line after it. A read seeks to the nearest kept offset and scans forward from there.
 */
export class LogIndex {
  private offsets: number[] = [];
  /** Lines counted so far (the marker not included). */
  lines = 0;
  /** Bytes of the file that the count covers. */
  size = 0;

  reset(size: number): void {
    this.offsets = [];
    this.lines = 0;
    this.size = size;
  }

  /** Counts a line of `bytes` bytes (newline included) at the end of the file. */
  add(bytes: number): void {
    if (this.lines % STRIDE === 0) this.offsets.push(this.size);
    this.lines += 1;
    this.size += bytes;
  }

  /** The kept line at or before line `n` (from 1) and its byte offset. */
  seek(n: number): { line: number; offset: number } {
    const slot = Math.min(Math.floor((Math.max(n, 1) - 1) / STRIDE), this.offsets.length - 1);
    if (slot < 0) return { line: 1, offset: this.size };
    return { line: slot * STRIDE + 1, offset: this.offsets[slot]! };
  }
}
