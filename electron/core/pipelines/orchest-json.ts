import { isLosslessNumber, LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * Pipeline files are parsed keeping each float's text (`265.0`, `1e-05`): Python wrote them so, and a
 * save must not turn them into `265`. Integers become plain numbers; floats stay LosslessNumber.
 */
export function parseOrchestJson(text: string): unknown {
  return parse(text, null, (lexeme) =>
    /[.eE]/.test(lexeme) || !Number.isSafeInteger(Number(lexeme)) ? new LosslessNumber(lexeme) : Number(lexeme),
  );
}

/**
 * Serialises JSON as Orchest wrote pipeline files, Python's `json.dump(obj, f, indent=4, sort_keys=True)`:
 * sorted keys, 4-space indent, non-ASCII characters escaped, no trailing newline.
 */
export function toOrchestJson(value: unknown): string {
  const text = stringify(sortKeys(value), null, 4) ?? 'null';
  return text.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Serialises a notebook as Jupyter does (nbformat: `json.dumps(nb, sort_keys=True, indent=1,
 * ensure_ascii=False)` and a final newline), floats kept as parsed.
 */
export function toNotebookJson(notebook: unknown): string {
  return `${stringify(sortKeys(notebook), null, 1) ?? 'null'}\n`;
}

/** The same value with plain numbers, for the bridge and for comparisons. */
export function toPlainJson(value: unknown): unknown {
  if (isLosslessNumber(value)) return Number((value as LosslessNumber).value);
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainJson(v)]));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object' || isLosslessNumber(value)) return value;
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
