import { createStore } from 'zustand/vanilla';
import type { BridgeClient, EventPayload, LogPage, RequestInput } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import {
  appendLive,
  emptyWindow,
  mergeNewer,
  mergeOlder,
  newerRange,
  olderRange,
  resetSource,
  trimEnd,
  trimFront,
  windowAtEnd,
  windowCount,
  windowOffset,
  type LogWindow,
} from './log-window';

/** What one view shows: one source, or several merged by time; the current run or the one before. */
export interface LogViewTarget {
  projectId: string;
  path: string;
  /** A run of one of the pipeline's jobs, whose logs are in its own copy of the project. */
  jobRun?: { jobUuid: string; runUuid: string } | undefined;
  sources: readonly string[];
  previous: boolean;
}

/** What names the logs of a view in the logs' requests. */
export function logsOf(target: Pick<LogViewTarget, 'projectId' | 'path' | 'jobRun'>) {
  return { projectId: target.projectId, path: target.path, ...(target.jobRun ? { jobRun: target.jobRun } : {}) };
}

export interface LogView {
  target: LogViewTarget;
  status: 'loading' | 'ready' | 'error';
  /** Why reading or following failed, in words. */
  error: string | undefined;
  window: LogWindow;
  /** Whether the list sticks to the newest line; live lines beyond the window then bring the tail. */
  following: boolean;
  /** Bumped when the list should scroll to `anchor`: after a jump, a tail read or a new run. */
  epoch: number;
  anchor: 'end' | number;
}

export interface LogsState {
  views: Readonly<Record<string, LogView>>;
  /** Follows the target's sources and reads their tails; opening an open view again replaces it. */
  open(viewId: string, target: LogViewTarget): void;
  close(viewId: string): void;
  /** The list shows rows [from, to): reads what of them is not in memory, dropping what is far away. */
  ensure(viewId: string, from: number, to: number): void;
  setFollowing(viewId: string, following: boolean): void;
  jumpToStart(viewId: string): Promise<void>;
  jumpToEnd(viewId: string): Promise<void>;
  /** Scrolls to a row of the whole list (line `index + 1` of a single source), reading around it when needed. */
  reveal(viewId: string, index: number): Promise<void>;
}

export interface LogsStoreOptions {
  /** Rows kept in memory per view. */
  maxRows?: number;
  /** Lines per source and read. */
  page?: number;
  /** Runs the batched handling of live lines; a frame later by default, so bursts of events coalesce. */
  schedule?: (run: () => void) => void;
}

export type LogsStore = ReturnType<typeof createLogsStore>;
type Appended = EventPayload<'logs.appended'>;

interface Runtime {
  subscription: string;
  off: () => void;
  busy: boolean;
  closed: boolean;
  queued: Appended[];
  flushing: boolean;
  wanted: [number, number] | undefined;
  /** The read asked for while another ran; a later one replaces it (and settles its promise). */
  next: { start(): void; drop(): void } | undefined;
}

let subscriptions = 0;
const nextSubscription = () => `logs-${Date.now().toString(36)}-${++subscriptions}`;

/** Bounded windows over services' logs, paged from the files on disk and kept live by `logs.appended`. */
export function createLogsStore(bridge: BridgeClient, options: LogsStoreOptions = {}) {
  const maxRows = options.maxRows ?? 20_000;
  const page = options.page ?? 1_000;
  const schedule = options.schedule ?? ((run) => setTimeout(run, 16));
  const runtimes = new Map<string, Runtime>();

  return createStore<LogsState>()((set, get) => {
    const view = (viewId: string) => get().views[viewId];
    const patch = (viewId: string, change: Partial<LogView>) =>
      set((state) => {
        const current = state.views[viewId];
        return current ? { views: { ...state.views, [viewId]: { ...current, ...change } } } : state;
      });
    const scrollTo = (viewId: string, anchor: LogView['anchor']) => patch(viewId, { anchor, epoch: (view(viewId)?.epoch ?? 0) + 1 });

    const read = (target: LogViewTarget, source: string, extra: Omit<RequestInput<'logs.read'>, 'projectId' | 'path' | 'source'>) =>
      bridge.request('logs.read', {
        ...logsOf(target),
        source,
        ...(target.previous ? { previous: true } : {}),
        ...extra,
      });

    async function readTail(target: LogViewTarget): Promise<LogWindow> {
      const pages = await Promise.all(target.sources.map((source) => readTailOf(target, source)));
      const start = emptyWindow(target.sources);
      const cursors = { ...start.cursors };
      target.sources.forEach((source, i) => {
        const { run, total, lines } = pages[i]!;
        // A page may stop short of the end (the main process caps its bytes): the window ends where it does.
        const last = Math.min(total, lines.at(-1)?.n ?? total);
        cursors[source] = { run, before: last, last, total };
      });
      const lines = new Map(target.sources.map((source, i) => [source, pages[i]!.lines]));
      return trimFront(mergeOlder({ ...start, cursors }, lines), maxRows);
    }

    /** Lines `from` through `from + count - 1`, in as many reads as a page cut short (by bytes) takes. */
    async function readThrough(target: LogViewTarget, source: string, range: { from: number; count: number }): Promise<LogPage> {
      const through = range.from + range.count - 1;
      const first = await read(target, source, range);
      let lines = first.lines;
      for (let end = lines.at(-1)?.n; end !== undefined && end < through; end = lines.at(-1)?.n) {
        const more = await read(target, source, { from: end + 1, count: through - end });
        if (more.run !== first.run || more.lines.length === 0) break;
        lines = [...lines, ...more.lines];
      }
      return { ...first, lines };
    }

    /** The last lines of a source, through its last one even when the main process cuts the page short. */
    async function readTailOf(target: LogViewTarget, source: string): Promise<LogPage> {
      const tail = await read(target, source, { tail: true, count: page });
      const end = tail.lines.at(-1)?.n;
      if (end === undefined || end >= tail.total) return tail;
      const rest = await readThrough(target, source, { from: end + 1, count: tail.total - end });
      return rest.run === tail.run ? { ...tail, lines: [...tail.lines, ...rest.lines] } : tail;
    }

    /** Reads one page per source on one side of the window; a source whose run changed meanwhile brings the tail. */
    async function readSide(target: LogViewTarget, window: LogWindow, side: 'older' | 'newer'): Promise<LogWindow> {
      const ranges = window.sources.flatMap((source) => {
        const range = side === 'older' ? olderRange(window.cursors[source]!, page) : newerRange(window.cursors[source]!, page);
        return range ? [{ source, range }] : [];
      });
      const pages = await Promise.all(ranges.map(({ source, range }) => (side === 'older' ? readThrough(target, source, range) : read(target, source, range))));
      if (ranges.some(({ source }, i) => pages[i]!.run !== window.cursors[source]!.run)) return readTail(target);
      const bySource = new Map<string, LogPage>(ranges.map(({ source }, i) => [source, pages[i]!]));
      if (side === 'newer') return trimFront(mergeNewer(window, bySource), maxRows);
      const lines = new Map([...bySource].map(([source, read]) => [source, read.lines]));
      return trimEnd(mergeOlder(window, lines), maxRows);
    }

    /** One read at a time per view; live lines wait in the queue and are applied after it. */
    async function run(viewId: string, work: (current: LogView) => Promise<LogWindow>, anchor?: LogView['anchor']) {
      const runtime = runtimes.get(viewId);
      const current = view(viewId);
      if (!runtime || !current) return;
      if (runtime.busy) {
        runtime.next?.drop();
        return new Promise<void>((resolve) => {
          runtime.next = { start: () => void run(viewId, work, anchor).then(resolve), drop: resolve };
        });
      }
      // A jump moves the list, which then tells what it shows; the range it showed before is stale.
      if (anchor !== undefined) runtime.wanted = undefined;
      runtime.busy = true;
      let progressed = false;
      try {
        const window = await work(current);
        if (runtime.closed) return;
        progressed = span(window) !== span(current.window);
        // A read that moved nothing leaves the window as it was, so the list does not ask again at once.
        patch(viewId, { ...(progressed || current.status !== 'ready' ? { window } : {}), status: 'ready', error: undefined });
        if (anchor !== undefined) scrollTo(viewId, anchor);
      } catch (error) {
        if (!runtime.closed) patch(viewId, { status: 'error', error: `The log cannot be read: ${errorMessage(error)}` });
      } finally {
        runtime.busy = false;
      }
      if (runtime.closed) return;
      const next = runtime.next;
      runtime.next = undefined;
      flush(viewId);
      next?.start();
      if (progressed && !runtime.busy && runtime.wanted) get().ensure(viewId, ...runtime.wanted);
    }

    const tail = (viewId: string) => run(viewId, (current) => readTail(current.target), 'end');

    function flush(viewId: string) {
      const runtime = runtimes.get(viewId);
      const current = view(viewId);
      if (!runtime || !current || runtime.busy || runtime.queued.length === 0) return;
      const events = runtime.queued.splice(0);
      let window = current.window;
      let following = current.following;
      let behind = false;
      for (const event of events) {
        const cursor = window.cursors[event.source];
        if (!cursor) continue;
        if (event.run !== cursor.run) {
          window = resetSource(window, event.source, event.run);
          // A new run starts over at its newest line.
          following = true;
        }
        const appended = appendLive(window, event.source, event, { max: maxRows, following });
        window = appended.window;
        behind ||= appended.gap;
      }
      patch(viewId, { window, following });
      if (behind && following) void tail(viewId);
    }

    function received(viewId: string, event: Appended) {
      const runtime = runtimes.get(viewId);
      if (!runtime || runtime.closed) return;
      runtime.queued.push(event);
      if (runtime.flushing) return;
      runtime.flushing = true;
      schedule(() => {
        runtime.flushing = false;
        if (!runtime.closed) flush(viewId);
      });
    }

    function stop(viewId: string) {
      const runtime = runtimes.get(viewId);
      if (!runtime) return;
      runtime.closed = true;
      runtime.off();
      runtimes.delete(viewId);
    }

    return {
      views: {},

      open(viewId, target) {
        stop(viewId);
        const subscription = nextSubscription();
        const off = bridge.on('logs.appended', (event) => {
          if (event.subscription === subscription) received(viewId, event);
        });
        const runtime: Runtime = { subscription, off, busy: false, closed: false, queued: [], flushing: false, wanted: undefined, next: undefined };
        runtimes.set(viewId, runtime);
        const fresh: LogView = { target, status: 'loading', error: undefined, window: emptyWindow(target.sources), following: !target.previous, epoch: 0, anchor: 'end' };
        set((state) => ({ views: { ...state.views, [viewId]: fresh } }));

        const follow = async () => {
          if (target.previous || target.sources.length === 0) return undefined;
          try {
            await bridge.request('logs.follow', { ...logsOf(target), sources: [...target.sources], subscription });
            return undefined;
          } catch (error) {
            return `Live lines are not coming: ${errorMessage(error)}`;
          }
        };
        void follow().then(async (problem) => {
          if (runtime.closed) return;
          await tail(viewId);
          if (problem && !runtime.closed) patch(viewId, { error: problem });
        });
      },

      close(viewId) {
        const runtime = runtimes.get(viewId);
        stop(viewId);
        if (runtime && !view(viewId)?.target.previous) void bridge.request('logs.unfollow', { subscription: runtime.subscription }).catch(() => undefined);
        set((state) => {
          const { [viewId]: _gone, ...views } = state.views;
          return { views };
        });
      },

      ensure(viewId, from, to) {
        const runtime = runtimes.get(viewId);
        const current = view(viewId);
        if (!runtime || !current) return;
        runtime.wanted = [from, to];
        if (runtime.busy || current.status === 'error') return;
        const { window } = current;
        const start = windowOffset(window);
        const end = start + window.rows.length;
        const wantFrom = Math.max(0, from);
        const wantTo = Math.min(windowCount(window), to);
        if (wantFrom >= start && wantTo <= end) return;
        const far = wantTo < start - page || wantFrom > end + page;
        if (far && window.sources.length === 1) {
          void run(viewId, (view) => readAround(view, Math.floor((wantFrom + wantTo) / 2) + 1));
        } else if (wantFrom < start && window.sources.some((source) => window.cursors[source]!.before > 0)) {
          void run(viewId, (view) => readSide(view.target, view.window, 'older'));
        } else if (wantTo > end && !windowAtEnd(window)) {
          void run(viewId, (view) => readSide(view.target, view.window, 'newer'));
        }
      },

      setFollowing(viewId, following) {
        const current = view(viewId);
        if (!current || current.following === following || current.target.previous) return;
        patch(viewId, { following });
        if (following && !windowAtEnd(current.window)) void tail(viewId);
      },

      jumpToStart(viewId) {
        patch(viewId, { following: false });
        return run(viewId, (current) => readSide(current.target, restart(current.window, () => 0), 'newer'), 0);
      },

      jumpToEnd: async (viewId) => {
        if (!view(viewId)?.target.previous) patch(viewId, { following: true });
        await tail(viewId);
      },

      async reveal(viewId, index) {
        const current = view(viewId);
        if (!current) return;
        patch(viewId, { following: false });
        const start = windowOffset(current.window);
        // Several sources cannot be read from a row number: the list scrolls there and pages toward it.
        if ((index >= start && index < start + current.window.rows.length) || current.target.sources.length !== 1) scrollTo(viewId, index);
        else await run(viewId, (view) => readAround(view, index + 1), index);
      },
    };

    /** A single-source window read afresh around line `n`. */
    function readAround(current: LogView, n: number) {
      const at = Math.max(0, n - 1 - Math.floor(page / 2));
      return readSide(current.target, restart(current.window, () => at), 'newer');
    }
  });
}

/** Which rows a window holds and of how many, to tell whether a read moved it. */
const span = (window: LogWindow) =>
  `${windowOffset(window)}+${window.rows.length}/${windowCount(window)} ${window.sources.map((s) => window.cursors[s]!.run).join(' ')}`;

/** The same runs and totals with no rows, every source's window starting after `at(source)` lines. */
function restart(window: LogWindow, at: (source: string) => number): LogWindow {
  const cursors = { ...window.cursors };
  for (const source of window.sources) {
    const cursor = cursors[source]!;
    const before = Math.min(at(source), cursor.total);
    cursors[source] = { ...cursor, before, last: before };
  }
  return { ...window, cursors, rows: [] };
}
