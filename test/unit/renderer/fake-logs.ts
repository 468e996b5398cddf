import type { LogLine, LogStream, RequestInput } from '../../../electron/contract';
import { FakeTransport } from './fake-transport';

interface FakeLog {
  run: string;
  lines: LogLine[];
}

/** Services' logs in memory behind a fake transport: logs.read, logs.search and logs.follow as the main process answers them. */
export class FakeLogs {
  readonly transport = new FakeTransport();
  private readonly logs = new Map<string, FakeLog>();
  private readonly follows = new Map<string, string[]>();
  private clock = Date.parse('2025-01-01T00:00:00Z');

  /**
   * `pageCap` cuts every read short, as the main process does past its byte limit; `jitter` moves
   * each line's time by up to that many milliseconds, as stdout and stderr of one service can disagree.
   */
  constructor(private readonly options: { pageCap?: number; jitter?: () => number } = {}) {
    this.transport
      .handle('logs.read', (input) => this.read(input as RequestInput<'logs.read'>))
      .handle('logs.search', (input) => this.search(input as RequestInput<'logs.search'>))
      .handle('logs.follow', (input) => {
        const { subscription, sources } = input as RequestInput<'logs.follow'>;
        this.follows.set(subscription, sources);
        return { ok: true };
      })
      .handle('logs.unfollow', (input) => {
        this.follows.delete((input as RequestInput<'logs.unfollow'>).subscription);
        return { ok: true };
      });
  }

  /** Writes lines to a source's file (a new run when told), one millisecond apart; sends nothing. */
  write(source: string, texts: readonly string[], options: { run?: string; s?: LogStream } = {}): LogLine[] {
    let log = this.logs.get(source);
    if (!log || (options.run && options.run !== log.run)) this.logs.set(source, (log = { run: options.run ?? 'run-1', lines: [] }));
    const written = texts.map((text) => {
      const time = this.clock++ + (this.options.jitter?.() ?? 0);
      const line: LogLine = { n: log.lines.length + 1, t: new Date(time).toISOString(), s: options.s ?? 'out', text };
      log.lines.push(line);
      return line;
    });
    return written;
  }

  /** Writes lines and sends them to every follower of the source; `skip` of them are counted, not sent. */
  append(source: string, texts: readonly string[], options: { run?: string; s?: LogStream; skip?: number } = {}): void {
    const written = this.write(source, texts, options);
    const log = this.logs.get(source)!;
    const skipped = Math.min(options.skip ?? 0, written.length);
    for (const [subscription, sources] of this.follows) {
      if (!sources.includes(source)) continue;
      this.transport.emit('logs.appended', { subscription, source, run: log.run, total: log.lines.length, skipped, lines: written.slice(skipped) });
    }
  }

  get followers(): number {
    return this.follows.size;
  }

  private read(input: RequestInput<'logs.read'>) {
    const log = this.logs.get(input.source);
    if (!log) return { run: null, total: 0, lines: [] };
    const { lines } = log;
    const from = input.tail ? Math.max(0, lines.length - input.count) : (input.from ?? 1) - 1;
    const count = Math.min(input.count, this.options.pageCap ?? input.count);
    return { run: log.run, total: lines.length, lines: lines.slice(from, from + count) };
  }

  private search(input: RequestInput<'logs.search'>) {
    const lines = this.logs.get(input.source)?.lines ?? [];
    const matches = lines.filter((line) => line.text.includes(input.query)).map((line) => line.n);
    return { run: this.logs.get(input.source)?.run ?? null, matches, truncated: false };
  }
}
