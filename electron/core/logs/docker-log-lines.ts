import type { LogStream } from '../../contract';
import type { RawLogLine } from './log-format';

/** Longer lines are cut here (the rest is dropped and said so), so that one line cannot exhaust memory. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT[\d:.]+Z) /;

interface Pending {
  t: string | undefined;
  parts: Buffer[];
  bytes: number;
  dropped: number;
}

/**
 * Turns the payloads of Docker's multiplexed log stream (asked with timestamps) into whole lines.
 * Docker sends each line as one message, or a long one as several partial messages (16 KiB each,
 * each with the same timestamp), the last ending in a newline. Text is decoded as UTF-8 once the
 * line is whole, so characters split across messages survive; invalid bytes become U+FFFD.
 */
export class DockerLogLines {
  private readonly pending = new Map<LogStream, Pending>();
  private readonly decoder = new TextDecoder('utf-8');

  /** The whole lines that this message completes. */
  push(stream: LogStream, payload: Buffer): RawLogLine[] {
    const text = payload.toString('latin1', 0, Math.min(payload.length, 40));
    const stamp = TIMESTAMP.exec(text);
    const body = stamp ? payload.subarray(stamp[0].length) : payload;
    const line = this.pending.get(stream) ?? { t: stamp?.[1], parts: [], bytes: 0, dropped: 0 };
    this.pending.set(stream, line);
    const whole = body.length > 0 && body[body.length - 1] === 0x0a;
    const content = whole ? body.subarray(0, body.length - 1) : body;
    this.add(line, content);
    if (!whole) return [];
    this.pending.delete(stream);
    return [this.finish(stream, line)];
  }

  /** What is left when the stream ends: a last line without a newline. */
  flush(): RawLogLine[] {
    const lines = [...this.pending].map(([stream, line]) => this.finish(stream, line));
    this.pending.clear();
    return lines;
  }

  private add(line: Pending, content: Buffer): void {
    const room = MAX_LINE_BYTES - line.bytes;
    if (content.length > room) line.dropped += content.length - Math.max(room, 0);
    if (room <= 0) return;
    const kept = content.length > room ? content.subarray(0, room) : content;
    line.parts.push(Buffer.from(kept)); // a copy: the stream reuses its buffers
    line.bytes += kept.length;
  }

  private finish(stream: LogStream, line: Pending): RawLogLine {
    let text = this.decoder.decode(line.parts.length === 1 ? line.parts[0] : Buffer.concat(line.parts));
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (line.dropped > 0) text += ` … (${line.dropped} more bytes not kept)`;
    return { ...(line.t ? { t: line.t } : {}), s: stream, text };
  }
}
