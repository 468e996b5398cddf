import type { LogLine, LogStream } from '../../contract';

/** A line as the collector makes it, before it has a number in its run. */
export interface RawLogLine {
  t?: string;
  s: LogStream;
  text: string;
}

/**
 * One line of a log file: `<RFC 3339 time> <out|err|sys> <text>`, as `docker logs -t` with the stream
 * added. Lines without that prefix (logs written by Orchest) are read as plain stdout.
 */
const PREFIXED = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) (out|err|sys) /;

export function formatLogLine(line: RawLogLine): string {
  return `${line.t ?? new Date().toISOString()} ${line.s} ${line.text}\n`;
}

export function parseLogLine(raw: string, n: number): LogLine {
  const match = PREFIXED.exec(raw);
  if (!match) return { n, s: 'out', text: raw };
  return { n, t: match[1]!, s: match[2] as LogStream, text: raw.slice(match[0].length) };
}

/** Orchest's run marker, the first line of every log: a uuid that is new for each run. */
export const RUN_MARKER = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/;

/** Whether a line's time is at or after `since` (both RFC 3339 in UTC; lines without one always pass). */
export function isSince(line: LogLine, since: number | undefined): boolean {
  return since === undefined || line.t === undefined || Date.parse(line.t) >= since;
}

// eslint-disable-next-line no-control-regex -- ESC begins every ANSI sequence
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

export function withoutAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ANSI, '') : text;
}
