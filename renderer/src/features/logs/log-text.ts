import type { LogRow } from '../../stores/log-window';
import { plainLogText } from '../../stores/plain-log-text';

export interface LogTextOptions {
  /** Prefix each line with its service or step (merged views). */
  sources: boolean;
  timestamps: boolean;
  /** The prefix of a source that is not named by it: a step's title, by the step's uuid. */
  labels?: ReadonlyMap<string, string>;
}

/** One row as a line of a .log file or of the clipboard: no escape codes. */
export function logRowText(row: Pick<LogRow, 'source' | 'line'>, options: LogTextOptions): string {
  const parts: string[] = [];
  if (options.timestamps && row.line.t) parts.push(row.line.t);
  if (options.sources) parts.push(`${options.labels?.get(row.source) ?? row.source} |`);
  parts.push(plainLogText(row.line.text));
  return parts.join(' ');
}
