/**
 * A grid parameter's values as the person types them: one value per line, read as JSON, and as a string
 * when the line is not JSON (so `hi` is "hi", `2` is 2, `"2"` is "2"). Blank lines are skipped.
 */
export function parseValues(text: string): unknown[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(parseLine);
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return line;
  }
}

/** The values written back one per line, so that parseValues reads the same values. */
export function formatValues(values: readonly unknown[]): string {
  return values.map(formatValue).join('\n');
}

function formatValue(value: unknown): string {
  if (typeof value === 'string' && value !== '' && value === value.trim() && !value.includes('\n')) {
    // Written bare only when reading it back gives the string itself (not a number, true, null, ...).
    if (parseLine(value) === value) return value;
  }
  return JSON.stringify(value) ?? 'null';
}
