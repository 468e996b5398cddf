import type { EventPayload, LogLine } from '../../contract';
import type { Disposable } from '../app-error';
import type { LogFile } from './log-file';

/**
 * Lines waiting for one source of one caller; older ones are dropped (and counted) past this. With a
 * batch every 100 ms that is 10,000 lines a second: more than a person can read, less than a flood.
 */
export const MAX_QUEUED_LINES = 1000;
/** A caller whose connection holds more than this unsent is not sent more until it catches up. */
export const MAX_BACKLOG_BYTES = 1024 * 1024;
const FLUSH_MS = 100;

type Appended = EventPayload<'logs.appended'>;

interface Pending {
  run: string | undefined;
  total: number;
  skipped: number;
  lines: LogLine[];
  /** A new run began that the caller has not been told of. */
  reset: boolean;
}

/**
 * One caller's live view of some logs: new lines are sent in batches at most every 100 ms, and a
 * caller that cannot keep up gets the newest lines and a count of the ones it missed (which it can
 * read from the file), so that neither memory nor the event loop depends on how fast logs come.
 */
export class LogSubscription implements Disposable {
  private readonly pending = new Map<string, Pending>();
  private readonly stops: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly id: string,
    sources: { source: string; file: LogFile }[],
    private readonly send: (payload: Appended) => void,
    private readonly backlog: () => number,
  ) {
    for (const { source, file } of sources) {
      const state: Pending = { run: file.run ?? undefined, total: file.index.lines, skipped: 0, lines: [], reset: false };
      this.pending.set(source, state);
      const listener = (run: string, lines: LogLine[], total: number) => this.take(state, run, lines, total);
      file.on('lines', listener);
      this.stops.push(() => file.off('lines', listener));
    }
  }

  private take(state: Pending, run: string, lines: LogLine[], total: number): void {
    if (run !== state.run) Object.assign(state, { run, skipped: 0, lines: [], reset: true });
    state.total = total;
    const kept = lines.length > MAX_QUEUED_LINES ? lines.slice(-MAX_QUEUED_LINES) : lines;
    state.skipped += lines.length - kept.length;
    for (const line of kept) state.lines.push(line);
    const excess = state.lines.length - MAX_QUEUED_LINES;
    if (excess > 0) {
      state.lines.splice(0, excess);
      state.skipped += excess;
    }
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.backlog() > MAX_BACKLOG_BYTES) {
      this.timer = setTimeout(() => this.flush(), FLUSH_MS);
      return;
    }
    for (const [source, state] of this.pending) {
      if (state.run === undefined || (state.lines.length === 0 && state.skipped === 0 && !state.reset)) continue;
      this.send({ subscription: this.id, source, run: state.run, total: state.total, skipped: state.skipped, lines: state.lines });
      Object.assign(state, { skipped: 0, lines: [], reset: false });
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.stops.forEach((stop) => stop());
  }
}
