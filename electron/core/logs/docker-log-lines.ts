import type { LogStream } from '../../contract';
import type { RawLogLine } from './log-format';
import { ReceiptClock } from './receipt-clock';

/** Longer lines are cut here (the rest is dropped and said so), so that one line cannot exhaust memory. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

interface Pending {
  parts: Buffer[];
  bytes: number;
  dropped: number;
}

/** Lines to pass over on each stream: those already kept before a restart of the app. */
export type StreamCounts = Record<'out' | 'err', number>;

/**
 * Turns the payloads of Docker's multiplexed log stream into whole lines, stamped with the time they
 * arrive. Docker sends each line as one message, or a long one as several partial messages (16 KiB
 * each), the last ending in a newline. Text is decoded as UTF-8 once the line is whole, so characters
 * split across messages survive; invalid bytes become U+FFFD.
 */
export class DockerLogLines {
  private readonly pending = new Map<LogStream, Pending>();
  private readonly skip: StreamCounts;
  /** Whole lines of each stream so far, those passed over included. */
  readonly seen: StreamCounts;
  private readonly clock = new ReceiptClock();

  constructor(skip: StreamCounts = { out: 0, err: 0 }) {
    this.skip = { ...skip };
    this.seen = { out: 0, err: 0 };
  }

  /** The whole line that this message completes, if it does. */
  push(stream: 'out' | 'err', payload: Buffer): RawLogLine | undefined {
    const whole = payload.length > 0 && payload[payload.length - 1] === 0x0a;
    const content = whole ? payload.subarray(0, payload.length - 1) : payload;
    const started = this.pending.get(stream);
    if (whole && !started && content.length <= MAX_LINE_BYTES) return this.line(stream, content.toString('utf8')); // the usual case
    const line = started ?? { parts: [], bytes: 0, dropped: 0 };
    this.pending.set(stream, line);
    this.add(line, content);
    if (!whole) return undefined;
    this.pending.delete(stream);
    return this.finish(stream, line);
  }

  /** What is left when the stream ends: a last line without a newline. */
  flush(): RawLogLine[] {
    const lines = [...this.pending].map(([stream, line]) => this.finish(stream as 'out' | 'err', line));
    this.pending.clear();
    return lines.filter((line): line is RawLogLine => line !== undefined);
  }

  private add(line: Pending, content: Buffer): void {
    const room = MAX_LINE_BYTES - line.bytes;
    if (content.length > room) line.dropped += content.length - Math.max(room, 0);
    if (room <= 0) return;
    const kept = content.length > room ? content.subarray(0, room) : content;
    line.parts.push(Buffer.from(kept)); // a copy: the stream reuses its buffers
    line.bytes += kept.length;
  }

  private finish(stream: 'out' | 'err', line: Pending): RawLogLine | undefined {
    const text = Buffer.concat(line.parts).toString('utf8');
    return this.line(stream, line.dropped > 0 ? `${text} … (${line.dropped} more bytes not kept)` : text);
  }

  private line(stream: 'out' | 'err', text: string): RawLogLine | undefined {
    this.seen[stream] += 1;
    if (this.skip[stream] > 0) {
      this.skip[stream] -= 1;
      return undefined;
    }
    return { t: this.clock.now(), s: stream, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  }
}
