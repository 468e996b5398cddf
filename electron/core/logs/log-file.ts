import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LogLine, LogPage } from '../../contract';
import type { StreamCounts } from './docker-log-lines';
import { formatLogLine, isSince, parseLogLine, RUN_MARKER, withoutAnsi, type RawLogLine } from './log-format';
import { LogIndex } from './log-index';
import { forEachLine } from './line-reader';

/** A page stops growing past this many bytes of text (always holding at least one line). */
const PAGE_BYTES = 16 * 1024 * 1024;
/** One write takes at most this much of what waits. */
const FLUSH_BYTES = 1024 * 1024;
/** Above this much unwritten text the writer asks its producer to wait (see `writable`). */
export const HIGH_WATER_BYTES = 8 * 1024 * 1024;

export interface LogFileEvents {
  /** Lines were written; `run` is the current run's marker. */
  lines: [run: string, lines: LogLine[], total: number];
  /** The unwritten text fell below the high-water mark again. */
  drain: [];
  /** Writing began to fail (why, in words) or works again (undefined). */
  writeProblem: [problem: string | undefined];
}

/**
 * One log file in Orchest's layout: a run marker (a uuid) on the first line, then the run's lines.
 * Appends are batched into few writes; reads and searches go through a sparse index, so neither
 * memory nor a page's cost grows with the length of the log. A new run keeps the previous one as
 * `<file>.1`.
 */
export class LogFile extends EventEmitter<LogFileEvents> {
  readonly index = new LogIndex();
  run: string | null = null;
  private loaded: Promise<void> | undefined;
  private queue: { line: RawLogLine; text: string }[] = [];
  /** Text appended and not yet on disk, queued or being written. */
  private unwrittenBytes = 0;
  private writer: Promise<void> | undefined;
  /** Why the last write failed (`no space left on device`), until one succeeds; its lines were dropped. */
  writeProblem: string | undefined;

  constructor(
    readonly file: string,
    /** Above this much unwritten text `writable` turns false (small in tests, to make a producer wait). */
    private readonly highWaterBytes = HIGH_WATER_BYTES,
  ) {
    super();
    this.setMaxListeners(0); // one listener per window or CLI following this log
  }

  /** Whether a producer may go on appending, or should wait for `drain`. */
  get writable(): boolean {
    return this.unwrittenBytes < this.highWaterBytes;
  }

  /** Reads the file's marker and builds its index; again when another program changed its length. */
  async load(): Promise<void> {
    await (this.loaded ??= this.scan());
    if (this.writer || this.queue.length > 0) return;
    const size = (await fs.stat(this.file).catch(ignoreMissing))?.size ?? 0;
    if (size !== this.index.size) await (this.loaded = this.scan());
  }

  /** Starts a new run: the current one becomes `<file>.1` and a fresh file gets a new marker. */
  async beginRun(): Promise<string> {
    await this.settle();
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.rename(this.file, `${this.file}.1`).catch(ignoreMissing);
    const run = randomUUID();
    await fs.writeFile(this.file, `${run}\n`);
    this.run = run;
    this.index.reset(Buffer.byteLength(run) + 1);
    this.loaded = Promise.resolve();
    this.emit('lines', run, [], 0);
    return run;
  }

  /** Queues lines for writing; `writable` says whether to go on. */
  append(lines: RawLogLine[]): void {
    if (lines.length === 0) return;
    for (const line of lines) {
      const text = formatLogLine(line);
      this.queue.push({ line, text });
      this.unwrittenBytes += text.length;
    }
    this.startWriter();
  }

  /** Lines appended while a writer was closing its file would wait for the next append: it goes on for them. */
  private startWriter(): void {
    this.writer ??= this.write().finally(() => {
      this.writer = undefined;
      if (this.queue.length > 0) this.startWriter();
    });
  }

  /** Resolves once everything appended so far is on disk. */
  async settle(): Promise<void> {
    while (this.writer) await this.writer;
  }

  /**
   * Writes the queue until it is empty, each time all that came while the last write ran (at most
   * FLUSH_BYTES a write), so that a flood makes few large writes and a trickle is written at once.
   */
  private async write(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve)); // what the same burst of Docker's stream brings
    let openFailure: unknown;
    const handle = await fs.open(this.file, 'a').catch((error: unknown) => void (openFailure = error));
    try {
      while (this.queue.length > 0) {
        const batch = this.take();
        const text = batch.map((b) => b.text).join('');
        this.unwrittenBytes -= text.length;
        // An unwritable log (a full disk, a removed project folder) must not stop the service: its lines
        // are dropped, and what a failed write left of them is cut off, so that the index stays true.
        const failure = handle ? await writeWhole(handle, text) : openFailure;
        if (failure && handle) await handle.truncate(this.index.size).catch(() => undefined);
        this.noteWriteProblem(failure);
        if (!failure) {
          const first = this.index.lines + 1;
          for (const { text: raw } of batch) this.index.add(Buffer.byteLength(raw));
          if (this.run !== null && this.listenerCount('lines') > 0) {
            const lines: LogLine[] = batch.map(({ line }, i) => ({ n: first + i, ...line }));
            this.emit('lines', this.run, lines, this.index.lines);
          }
        }
        if (this.writable) this.emit('drain');
      }
    } finally {
      await handle?.close();
    }
  }

  private noteWriteProblem(failure: unknown): void {
    const problem = failure === undefined ? undefined : describeWriteFailure(failure);
    if (problem === this.writeProblem) return;
    this.writeProblem = problem;
    this.emit('writeProblem', problem);
  }

  private take(): { line: RawLogLine; text: string }[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && bytes < FLUSH_BYTES) bytes += this.queue[count++]!.text.length;
    return this.queue.splice(0, count);
  }

  async read(options: { from?: number; count: number; tail?: boolean; since?: string }): Promise<LogPage> {
    await this.load();
    const total = this.index.lines;
    const since = options.since === undefined ? undefined : Date.parse(options.since);
    const from = options.tail ? Math.max(1, total - options.count + 1) : (options.from ?? 1);
    const lines: LogLine[] = [];
    let bytes = 0;
    await this.scanLines(from, (line) => {
      if (!isSince(line, since)) return true;
      lines.push(line);
      bytes += line.text.length;
      return lines.length < options.count && bytes < PAGE_BYTES;
    });
    return { run: this.run, total, lines };
  }

  /** The numbers of the lines whose text (without colour codes) holds `query`. */
  async search(query: string, caseSensitive: boolean, limit: number): Promise<{ matches: number[]; truncated: boolean }> {
    await this.load();
    const needle = caseSensitive ? query : query.toLowerCase();
    const matches: number[] = [];
    let truncated = false;
    await this.scanLines(1, (line) => {
      const text = withoutAnsi(line.text);
      if (!(caseSensitive ? text : text.toLowerCase()).includes(needle)) return true;
      if (matches.length === limit) {
        truncated = true;
        return false;
      }
      matches.push(line.n);
      return true;
    });
    return { matches, truncated };
  }

  /** How many lines of each of the container's streams the run holds (the app's own not counted). */
  async streamCounts(): Promise<StreamCounts> {
    await this.load();
    const counts = { out: 0, err: 0 };
    await this.scanLines(1, (line) => {
      if (line.s !== 'sys') counts[line.s] += 1;
      return true;
    });
    return counts;
  }

  /** Lines from `from` to the end of what is written, each handed to `take` until it returns false. */
  private async scanLines(from: number, take: (line: LogLine) => boolean): Promise<void> {
    const { line: first, offset } = this.index.seek(from);
    const end = this.index.size;
    if (offset >= end) return;
    const handle = await fs.open(this.file, 'r').catch(ignoreMissing);
    if (!handle) return;
    try {
      let n = first;
      await forEachLine(handle, offset, end, (raw) => {
        const current = n++;
        return current < from || take(parseLogLine(raw, current));
      });
    } finally {
      await handle.close();
    }
  }

  private async scan(): Promise<void> {
    this.run = null;
    this.index.reset(0);
    const handle = await fs.open(this.file, 'r').catch(ignoreMissing);
    if (!handle) return;
    try {
      const { size } = await handle.stat();
      let first = true;
      await forEachLine(handle, 0, size, (raw, bytes) => {
        if (first && RUN_MARKER.test(raw)) {
          this.run = raw;
          this.index.reset(bytes);
        } else this.index.add(bytes);
        first = false;
        return true;
      });
      this.index.size = Math.min(this.index.size, size);
    } finally {
      await handle.close();
    }
  }
}

function ignoreMissing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

function describeWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'no space left on device';
  return error instanceof Error ? error.message : String(error);
}

/** Writes all of the text, or answers why not: a full disk takes part of a write, then none. */
async function writeWhole(handle: fs.FileHandle, text: string): Promise<unknown> {
  const bytes = Buffer.from(text);
  let offset = 0;
  try {
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset);
      if (bytesWritten === 0) return Object.assign(new Error('nothing was written'), { code: 'ENOSPC' });
      offset += bytesWritten;
    }
    return undefined;
  } catch (error) {
    return error;
  }
}
