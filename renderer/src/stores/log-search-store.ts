import { createStore } from 'zustand/vanilla';
import type { BridgeClient } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { windowCount, windowOffset } from './log-window';
import { logLineMatches } from './plain-log-text';
import { logsOf, type LogsStore } from './logs-store';

export interface LogSearch {
  query: string;
  status: 'idle' | 'searching' | 'ready' | 'error';
  /** Rows of the whole list that match, in order. */
  matches: readonly number[];
  /** More matches exist than were listed. */
  truncated: boolean;
  /** The match stepped to, an index into `matches`; -1 before the first step. */
  current: number;
  error: string | undefined;
  /** The list's length when searched: lines added since may match too, so a step searches again. */
  searchedCount: number;
}

export interface LogSearchState {
  searches: Readonly<Record<string, LogSearch>>;
  setQuery(viewId: string, query: string): void;
  /** Steps to the next (1) or previous (-1) match, searching first when needed; `around` is the row in view. */
  step(viewId: string, direction: 1 | -1, around: number): Promise<void>;
  clear(viewId: string): void;
}

export type LogSearchStore = ReturnType<typeof createLogSearchStore>;

const IDLE: LogSearch = { query: '', status: 'idle', matches: [], truncated: false, current: -1, error: undefined, searchedCount: 0 };
const LIMIT = 100_000;

/**
 * Searches of the logs views: the whole file of a single source with logs.search; merged views search
 * the lines in memory, since rows of several files have no number to jump to.
 */
export function createLogSearchStore(bridge: BridgeClient, logs: LogsStore) {
  return createStore<LogSearchState>()((set, get) => {
    const patch = (viewId: string, change: Partial<LogSearch>) =>
      set((state) => ({ searches: { ...state.searches, [viewId]: { ...(state.searches[viewId] ?? IDLE), ...change } } }));

    async function search(viewId: string, query: string): Promise<boolean> {
      const view = logs.getState().views[viewId];
      if (!view) return false;
      const searchedCount = windowCount(view.window);
      patch(viewId, { status: 'searching', error: undefined });
      try {
        let found: { matches: number[]; truncated: boolean };
        const [source, ...others] = view.target.sources;
        if (source && others.length === 0) {
          const { previous } = view.target;
          const answer = await bridge.request('logs.search', { ...logsOf(view.target), source, query, limit: LIMIT, ...(previous ? { previous } : {}) });
          found = { matches: answer.matches.map((n) => n - 1), truncated: answer.truncated };
        } else {
          const offset = windowOffset(view.window);
          const rows = view.window.rows.flatMap((row, i) => (logLineMatches(row.line.text, query) ? [offset + i] : []));
          found = { matches: rows, truncated: false };
        }
        if (get().searches[viewId]?.query !== query) return false;
        patch(viewId, { status: 'ready', ...found, current: -1, searchedCount });
        return true;
      } catch (error) {
        if (get().searches[viewId]?.query === query) patch(viewId, { status: 'error', error: `Search failed: ${errorMessage(error)}` });
        return false;
      }
    }

    return {
      searches: {},

      setQuery(viewId, query) {
        patch(viewId, { ...IDLE, query });
      },

      async step(viewId, direction, around) {
        const entry = get().searches[viewId];
        const view = logs.getState().views[viewId];
        if (!entry?.query || !view) return;
        const stale = entry.status !== 'ready' || entry.searchedCount !== windowCount(view.window);
        if (stale && !(await search(viewId, entry.query))) return;
        const { matches: rows, current } = get().searches[viewId]!;
        if (rows.length === 0) return;
        let next: number;
        if (current >= 0 && !stale) next = (current + direction + rows.length) % rows.length;
        else if (direction > 0) next = Math.max(0, rows.findIndex((row) => row >= around));
        else next = rows.findLastIndex((row) => row <= around) >= 0 ? rows.findLastIndex((row) => row <= around) : rows.length - 1;
        patch(viewId, { current: next });
        await logs.getState().reveal(viewId, rows[next]!);
      },

      clear(viewId) {
        set((state) => {
          const { [viewId]: _gone, ...searches } = state.searches;
          return { searches };
        });
      },
    };
  });
}
