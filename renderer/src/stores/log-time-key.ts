const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?/;

/**
 * A key that sorts as the time does. Docker trims trailing zeros from the fraction
 * (`…:05.1Z` is later than `…:05.12Z` as text), so the fraction is padded to nanoseconds.
 * Lines without a time (logs Orchest wrote) sort first.
 */
export function logTimeKey(t: string | undefined): string {
  if (!t) return '';
  const match = RFC3339.exec(t);
  if (!match) return t;
  return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}`;
}
