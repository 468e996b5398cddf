import { MAX_LOG_PAGE, type BridgeClient } from '../../../../electron/contract';
import { logTimeKey } from '../../stores/log-time-key';
import { mergeRows, type LogRow } from '../../stores/log-window';
import { logsOf, type LogViewTarget } from '../../stores/logs-store';
import { logRowText, type LogTextOptions } from './log-text';

/** Every line of one source's run, page by page; a run that changes meanwhile is an error, not a mixed file. */
async function readSource(bridge: BridgeClient, target: LogViewTarget, source: string): Promise<LogRow[]> {
  const rows: LogRow[] = [];
  let run: string | null | undefined;
  for (let from = 1; ; from += MAX_LOG_PAGE) {
    const page = await bridge.request('logs.read', {
      ...logsOf(target),
      source,
      from,
      count: MAX_LOG_PAGE,
      ...(target.previous ? { previous: true } : {}),
    });
    if (run !== undefined && page.run !== run) throw new Error(`a new run of ${source} began while it was read`);
    run = page.run;
    for (const line of page.lines) rows.push({ source, line, key: logTimeKey(line.t) });
    if (page.lines.length < MAX_LOG_PAGE || from + MAX_LOG_PAGE > page.total) return rows;
  }
}

/** The whole run of the view's sources (merged by time) as a .log file's text, without escape codes. */
export async function readWholeRun(bridge: BridgeClient, target: LogViewTarget, options: LogTextOptions): Promise<Blob> {
  const runs = await Promise.all(target.sources.map((source) => readSource(bridge, target, source)));
  const rows = runs.length === 1 ? runs[0]! : mergeRows(runs);
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i += MAX_LOG_PAGE) {
    parts.push(rows.slice(i, i + MAX_LOG_PAGE).map((row) => `${logRowText(row, options)}\n`).join(''));
  }
  return new Blob(parts, { type: 'text/plain;charset=utf-8' });
}
