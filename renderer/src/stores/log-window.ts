import type { LogLine } from '../../../electron/contract';
import { logTimeKey } from './log-time-key';

/** One line of a source, as the list shows it. */
export interface LogRow {
  source: string;
  line: LogLine;
  /** logTimeKey(line.t), kept so merging never parses twice. */
  key: string;
}

/** Where the window stands in one source's current run: lines `before + 1 .. last` are in memory. */
export interface SourceCursor {
  run: string | null;
  before: number;
  last: number;
  total: number;
}

/**
 * A contiguous stretch of the merged lines of one or more sources, ordered by time. Rows before it and
 * after it are not in memory but are counted, so the list can be as long as the whole run.
 */
export interface LogWindow {
  readonly sources: readonly string[];
  readonly cursors: Readonly<Record<string, SourceCursor>>;
  readonly rows: readonly LogRow[];
}

export function emptyWindow(sources: readonly string[]): LogWindow {
  const cursors: Record<string, SourceCursor> = {};
  for (const source of sources) cursors[source] = { run: null, before: 0, last: 0, total: 0 };
  return { sources, cursors, rows: [] };
}

const sum = (window: LogWindow, pick: (cursor: SourceCursor) => number) =>
  window.sources.reduce((total, source) => total + pick(window.cursors[source]!), 0);

/** Rows of the whole list before the window. */
export const windowOffset = (window: LogWindow) => sum(window, (c) => c.before);
/** Rows of the whole list: every line of every source's run. */
export const windowCount = (window: LogWindow) => sum(window, (c) => Math.max(c.total, c.last));
/** Whether the window holds the newest line of every source, so live lines can join it. */
export const windowAtEnd = (window: LogWindow) => window.sources.every((s) => window.cursors[s]!.last >= window.cursors[s]!.total);

const rowsOf = (source: string, lines: readonly LogLine[]): LogRow[] => lines.map((line) => ({ source, line, key: logTimeKey(line.t) }));

/** Merges per-source runs of rows by time; each source keeps its own order, ties go to the earlier source. */
export function mergeRows(runs: readonly (readonly LogRow[])[]): LogRow[] {
  const heads = runs.map(() => 0);
  const merged: LogRow[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < runs.length; i++) {
      const row = runs[i]![heads[i]!];
      if (row && (best < 0 || row.key < runs[best]![heads[best]!]!.key)) best = i;
    }
    if (best < 0) return merged;
    merged.push(runs[best]![heads[best]!++]!);
  }
}

/** Read requests that fill a window: per source, the lines just before or just after it. */
export function olderRange(cursor: SourceCursor, page: number): { from: number; count: number } | undefined {
  if (cursor.before <= 0) return undefined;
  const from = Math.max(1, cursor.before - page + 1);
  return { from, count: cursor.before - from + 1 };
}

export function newerRange(cursor: SourceCursor, page: number): { from: number; count: number } | undefined {
  if (cursor.last >= cursor.total) return undefined;
  return { from: cursor.last + 1, count: page };
}

/** The lines that join on before line `before + 1`: the longest run of consecutive numbers ending at `before`. */
function endingAt(lines: readonly LogLine[], before: number): LogLine[] {
  let start = lines.length;
  while (start > 0 && lines[start - 1]!.n === before - (lines.length - start)) start--;
  return lines.slice(start);
}

/** The lines that join on after line `last`: the longest run of consecutive numbers from `last + 1`. */
function startingAfter(lines: readonly LogLine[], last: number): LogLine[] {
  const from = lines.findIndex((line) => line.n === last + 1);
  if (from < 0) return [];
  let end = from + 1;
  while (end < lines.length && lines[end]!.n === lines[end - 1]!.n + 1) end++;
  return lines.slice(from, end);
}

/**
 * Prepends the lines read before the window. A source whose page did not reach its first line may have
 * older lines still unread, so of the others only what is at least as new as the latest such page start
 * is kept: everything kept is then in its true merged place. The source that sets that limit keeps its
 * whole page, so each read moves the window even when a service's times are not in order.
 */
export function mergeOlder(window: LogWindow, pages: ReadonlyMap<string, readonly LogLine[]>): LogWindow {
  const joined = new Map(window.sources.map((source) => [source, rowsOf(source, endingAt(pages.get(source) ?? [], window.cursors[source]!.before))]));
  let limit: { source: string; key: string } | undefined;
  for (const [source, rows] of joined) {
    if (rows.length > 0 && rows[0]!.line.n > 1 && (!limit || rows[0]!.key > limit.key)) limit = { source, key: rows[0]!.key };
  }
  const cursors = { ...window.cursors };
  const runs: LogRow[][] = [];
  for (const [source, rows] of joined) {
    const start = !limit || limit.source === source ? 0 : rows.findIndex((row) => row.key >= limit.key);
    const kept = start < 0 ? [] : rows.slice(start);
    if (kept.length > 0) cursors[source] = { ...cursors[source]!, before: kept[0]!.line.n - 1 };
    runs.push(kept);
  }
  return { ...window, cursors, rows: [...mergeRows(runs), ...window.rows] };
}

/** Appends the lines read after the window; the mirror of mergeOlder. */
export function mergeNewer(window: LogWindow, pages: ReadonlyMap<string, { total: number; lines: readonly LogLine[] }>): LogWindow {
  const cursors = { ...window.cursors };
  for (const [source, page] of pages) cursors[source] = { ...cursors[source]!, total: Math.max(cursors[source]!.total, page.total) };
  const joined = new Map(window.sources.map((source) => [source, rowsOf(source, startingAfter(pages.get(source)?.lines ?? [], cursors[source]!.last))]));
  let limit: { source: string; key: string } | undefined;
  for (const [source, rows] of joined) {
    const end = rows.at(-1);
    if (end && end.line.n < cursors[source]!.total && (!limit || end.key < limit.key)) limit = { source, key: end.key };
  }
  const runs: LogRow[][] = [];
  for (const [source, rows] of joined) {
    const end = !limit || limit.source === source ? -1 : rows.findIndex((row) => row.key > limit.key);
    const kept = end < 0 ? rows : rows.slice(0, end);
    if (kept.length > 0) cursors[source] = { ...cursors[source]!, last: kept.at(-1)!.line.n };
    runs.push(kept);
  }
  return { ...window, cursors, rows: [...window.rows, ...mergeRows(runs)] };
}

/** Drops the oldest rows past `max`, counting them as lines before the window. */
export function trimFront(window: LogWindow, max: number): LogWindow {
  const excess = window.rows.length - max;
  if (excess <= 0) return window;
  // The last dropped row of each source is enough: it is that source's newest one gone.
  const dropped = new Map<string, number>();
  for (let i = 0; i < excess; i++) dropped.set(window.rows[i]!.source, window.rows[i]!.line.n);
  const cursors = { ...window.cursors };
  for (const [source, n] of dropped) cursors[source] = { ...cursors[source]!, before: Math.max(cursors[source]!.before, n) };
  return { ...window, cursors, rows: window.rows.slice(excess) };
}

/** Drops the newest rows past `max`, counting them as lines after the window. */
export function trimEnd(window: LogWindow, max: number): LogWindow {
  if (window.rows.length <= max) return window;
  const cursors = { ...window.cursors };
  const seen = new Set<string>();
  for (const row of window.rows.slice(max)) {
    if (seen.has(row.source)) continue;
    seen.add(row.source);
    cursors[row.source] = { ...cursors[row.source]!, last: Math.min(cursors[row.source]!.last, row.line.n - 1) };
  }
  return { ...window, cursors, rows: window.rows.slice(0, max) };
}

/** A source's new run: its rows go, and it starts over from no lines. */
export function resetSource(window: LogWindow, source: string, run: string | null): LogWindow {
  return {
    ...window,
    cursors: { ...window.cursors, [source]: { run, before: 0, last: 0, total: 0 } },
    rows: window.rows.filter((row) => row.source !== source),
  };
}

export interface Appended {
  window: LogWindow;
  /** Lines came that do not join the window (skipped by backpressure, or the window is not at the end). */
  gap: boolean;
}

/**
 * Live lines of a source. They join the window when it holds the newest lines and they follow on;
 * otherwise they are only counted and stay readable from the file. While the person reads (not
 * following) the window never drops rows for live lines, so nothing moves under their eyes.
 */
export function appendLive(
  window: LogWindow,
  source: string,
  event: { total: number; lines: readonly LogLine[] },
  options: { max: number; following: boolean },
): Appended {
  const cursor = window.cursors[source];
  if (!cursor) return { window, gap: false };
  const fresh = startingAfter(event.lines, cursor.last);
  const total = Math.max(cursor.total, event.total, event.lines.at(-1)?.n ?? 0);
  const joins = fresh.length > 0 && windowAtEnd(window);
  const fits = options.following || window.rows.length + fresh.length <= options.max;
  if (joins && fits) {
    const grown: LogWindow = {
      ...window,
      cursors: { ...window.cursors, [source]: { ...cursor, total, last: fresh.at(-1)!.n } },
      rows: window.rows.concat(rowsOf(source, fresh)),
    };
    return { window: trimFront(grown, options.max), gap: false };
  }
  const counted = { ...window, cursors: { ...window.cursors, [source]: { ...cursor, total } } };
  const jumped = options.following ? jumpToLive(counted, source, event.lines) : undefined;
  if (jumped) return { window: trimFront(jumped, options.max), gap: false };
  return { window: counted, gap: total > cursor.last };
}

/**
 * While following, live lines that do not join the window (some before them were skipped) become its
 * newest rows, with no read: what came before them leaves the window and is read back from the file if
 * the person scrolls up. Of the other sources, only rows after the first of these lines in merged order
 * stay. That needs the other sources at their newest line, or rows of theirs would be missing.
 */
export function jumpToLive(window: LogWindow, source: string, lines: readonly LogLine[]): LogWindow | undefined {
  const end = lines.at(-1)?.n;
  const cursor = window.cursors[source];
  if (!cursor || end === undefined || end <= cursor.last) return undefined;
  const others = window.sources.filter((s) => s !== source);
  if (others.some((s) => window.cursors[s]!.last < window.cursors[s]!.total)) return undefined;
  const fresh = rowsOf(source, endingAt(lines, end));
  const from = fresh[0]!.key;
  const order = window.sources.indexOf(source);
  // Ties in time go to the earlier source (mergeRows), so a later source's row at the same time comes after.
  const after = (row: LogRow) => row.key > from || (row.key === from && window.sources.indexOf(row.source) > order);
  const cursors = { ...window.cursors, [source]: { ...cursor, before: fresh[0]!.line.n - 1, last: end } };
  const runs = window.sources.map((s) => {
    if (s === source) return fresh;
    const own = window.rows.filter((row) => row.source === s);
    // A suffix, so that what stays is contiguous even when a source's times are out of order.
    const start = own.findIndex(after);
    const kept = start < 0 ? [] : own.slice(start);
    cursors[s] = { ...cursors[s]!, before: kept.length > 0 ? kept[0]!.line.n - 1 : cursors[s]!.last };
    return kept;
  });
  return { ...window, cursors, rows: mergeRows(runs) };
}
