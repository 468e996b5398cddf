import type { Segment } from './ansi-segments';

export interface MarkedSegment extends Segment {
  mark: boolean;
}

/** Where `query` occurs in `text`, ignoring case: [start, end) pairs. */
export function matchRanges(text: string, query: string): [number, number][] {
  if (!query) return [];
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  const ranges: [number, number][] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  return ranges;
}

/** Splits styled segments where matches of `query` begin and end, marking the matching pieces. */
export function highlight(segments: readonly Segment[], query: string): MarkedSegment[] {
  const ranges = matchRanges(segments.map((segment) => segment.text).join(''), query);
  if (ranges.length === 0) return segments.map((segment) => ({ ...segment, mark: false }));
  const marked: MarkedSegment[] = [];
  let offset = 0;
  let r = 0;
  for (const segment of segments) {
    const end = offset + segment.text.length;
    let at = offset;
    while (at < end) {
      while (r < ranges.length && ranges[r]![1] <= at) r++;
      const range = ranges[r];
      const inside = range !== undefined && range[0] <= at;
      const stop = Math.min(end, range === undefined ? end : inside ? range[1] : range[0]);
      marked.push({ ...segment, text: segment.text.slice(at - offset, stop - offset), mark: inside });
      at = stop;
    }
    offset = end;
  }
  return marked;
}
