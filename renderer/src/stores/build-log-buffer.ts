/** Lines of one build's log that the window holds: the last LIVE_LOG_LIMIT, unless the whole log was asked for. */
export interface BuildLogBuffer {
  number: number;
  /** The line number (1-based) of `lines[0]`. */
  start: number;
  lines: readonly string[];
  /** The whole log was loaded; nothing is dropped from it. */
  full: boolean;
}

export const LIVE_LOG_LIMIT = 5000;

export function emptyBuildLog(number: number): BuildLogBuffer {
  return { number, start: 1, lines: [], full: false };
}

/** The line number after the buffer's last line. */
export function nextLine(log: BuildLogBuffer): number {
  return log.start + log.lines.length;
}

/**
 * Adds lines `start`.. to the buffer, by their numbers: what it holds already is not added twice, older
 * lines go before, and a gap (lines that were never received) restarts the buffer at the new lines.
 */
export function addBuildLogLines(log: BuildLogBuffer, start: number, lines: readonly string[], limit = LIVE_LOG_LIMIT): BuildLogBuffer {
  if (lines.length === 0) return log;
  const end = nextLine(log);
  const incomingEnd = start + lines.length;
  let merged: BuildLogBuffer;
  if (log.lines.length === 0 || start > end) merged = { ...log, start, lines: [...lines] };
  else if (start >= log.start) {
    if (incomingEnd <= end) return log;
    merged = { ...log, lines: [...log.lines, ...lines.slice(end - start)] };
  } else {
    const before = lines.slice(0, Math.min(lines.length, log.start - start));
    const after = incomingEnd > end ? lines.slice(end - start) : [];
    merged = { ...log, start, lines: [...before, ...log.lines, ...after] };
  }
  if (merged.full || merged.lines.length <= limit) return merged;
  const drop = merged.lines.length - limit;
  return { ...merged, start: merged.start + drop, lines: merged.lines.slice(drop) };
}
