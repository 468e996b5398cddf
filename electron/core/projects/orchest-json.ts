/**
 * Serialises JSON as Orchest wrote pipeline files, Python's `json.dump(obj, f, indent=4, sort_keys=True)`:
 * sorted keys, 4-space indent, non-ASCII characters escaped, no trailing newline.
 */
export function toOrchestJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4).replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  );
}

/** A flat object as Python's `json.dumps(obj)` writes it on one line (environment properties.json). */
export function toPythonJsonLine(record: Record<string, string | number | boolean | null>): string {
  const items = Object.entries(record).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{${items.join(', ')}}`;
}
