import { logLineMatches } from '../../stores/plain-log-text';
import { windowCount, windowOffset, type LogRow, type LogWindow } from '../../stores/log-window';

/** What the virtual list shows: the whole run with rows paged in, or only the matching rows in memory. */
export interface LogListModel {
  count: number;
  rowAt(index: number): LogRow | undefined;
  /** The list index of a row of the whole run (the nearest one that is shown, when filtered). */
  toIndex(row: number): number;
  /** The whole run's row at a list index. */
  toRow(index: number): number;
  /** Whether rows not in memory are in the list, to be read as they come into view. */
  paged: boolean;
}

export function logListModel(window: LogWindow, filter: string | undefined): LogListModel {
  const offset = windowOffset(window);
  if (!filter) {
    return {
      count: windowCount(window),
      rowAt: (index) => window.rows[index - offset],
      toIndex: (row) => row,
      toRow: (index) => index,
      paged: true,
    };
  }
  const shown: number[] = [];
  window.rows.forEach((row, i) => {
    if (logLineMatches(row.line.text, filter)) shown.push(i);
  });
  return {
    count: shown.length,
    rowAt: (index) => (shown[index] === undefined ? undefined : window.rows[shown[index]]),
    toIndex: (row) => {
      const at = shown.findIndex((i) => i + offset >= row);
      return at < 0 ? shown.length - 1 : at;
    },
    toRow: (index) => (shown[index] ?? 0) + offset,
    paged: false,
  };
}
