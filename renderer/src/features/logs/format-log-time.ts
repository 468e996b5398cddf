const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A line's time in the person's time zone, to the millisecond: `2025-01-31 14:05:09.120`. */
export function formatLogTime(t: string | undefined): string {
  if (!t) return '';
  const date = new Date(t);
  if (Number.isNaN(date.getTime())) return t;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
