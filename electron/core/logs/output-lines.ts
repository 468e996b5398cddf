import { StringDecoder } from 'node:string_decoder';
import { MAX_LINE_BYTES, type StreamCounts } from './docker-log-lines';
import type { RawLogLine } from './log-format';
import { ReceiptClock } from './receipt-clock';

interface Partial {
  text: string;
  /** Bytes past MAX_LINE_BYTES that were not kept. */
  dropped: number;
}

/**
 * Turns an attached container's raw output, in chunks of any size, into whole lines stamped with the
 * time they arrive: UTF-8 decoded per stream (a character split across chunks survives; invalid bytes
 * become U+FFFD), CR LF as LF, and lines cut at MAX_LINE_BYTES as DockerLogLines cuts them, so that
 * both count the same lines.
 */
export class OutputLines {
  private readonly decoders = { out: new StringDecoder('utf8'), err: new StringDecoder('utf8') };
  private readonly partial: Record<'out' | 'err', Partial> = { out: { text: '', dropped: 0 }, err: { text: '', dropped: 0 } };
  private readonly clock = new ReceiptClock();
  /** Whole lines of each stream so far. */
  readonly seen: StreamCounts = { out: 0, err: 0 };

  /** The lines this chunk completes. */
  push(stream: 'out' | 'err', chunk: Buffer): RawLogLine[] {
    const fresh = this.decoders[stream].write(chunk);
    const lines: RawLogLine[] = [];
    let start = 0;
    for (let end = fresh.indexOf('\n'); end !== -1; end = fresh.indexOf('\n', start)) {
      lines.push(this.whole(stream, fresh.slice(start, end)));
      start = end + 1;
    }
    if (start < fresh.length) this.keep(this.partial[stream], fresh.slice(start));
    return lines;
  }

  /** What is left when the output ends: a last line of each stream without a newline. */
  flush(): RawLogLine[] {
    const lines: RawLogLine[] = [];
    for (const stream of ['out', 'err'] as const) {
      const rest = this.decoders[stream].end();
      if (rest) this.keep(this.partial[stream], rest);
      if (this.partial[stream].text || this.partial[stream].dropped) lines.push(this.whole(stream, ''));
    }
    return lines;
  }

  private whole(stream: 'out' | 'err', end: string): RawLogLine {
    const partial = this.partial[stream];
    let text = end;
    if (partial.text || partial.dropped) {
      this.keep(partial, end);
      text = partial.dropped > 0 ? `${partial.text} … (${partial.dropped} more bytes not kept)` : partial.text;
      this.partial[stream] = { text: '', dropped: 0 };
    } else if (text.length > MAX_LINE_BYTES) {
      return this.whole(stream, (this.keep(partial, text), ''));
    }
    this.seen[stream] += 1;
    return { t: this.clock.now(), s: stream, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  }

  private keep(partial: Partial, piece: string): void {
    const room = MAX_LINE_BYTES - Buffer.byteLength(partial.text);
    if (piece.length <= room && Buffer.byteLength(piece) <= room) partial.text += piece;
    else {
      const kept = Buffer.from(piece).subarray(0, Math.max(room, 0)).toString('utf8').replace(/\ufffd$/, '');
      partial.text += kept;
      partial.dropped += Buffer.byteLength(piece) - Buffer.byteLength(kept);
    }
  }
}
