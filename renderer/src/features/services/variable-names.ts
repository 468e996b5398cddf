/** The names of several variable sets, once each, sorted. */
export function variableNames(...sets: Record<string, string>[]): string[] {
  return [...new Set(sets.flatMap((set) => Object.keys(set)))].sort();
}
