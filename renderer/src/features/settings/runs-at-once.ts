/** The most runs of one job the settings allow at once (AppSettings.jobRunsAtOnce). */
export const MOST_JOB_RUNS_AT_ONCE = 16;

/** The number typed in the field, or NaN when it is not a whole number from 1 to 16. */
export function parseRunsAtOnce(text: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return NaN;
  const value = Number(trimmed);
  return value >= 1 && value <= MOST_JOB_RUNS_AT_ONCE ? value : NaN;
}

/** What is wrong with the field's text, or undefined. */
export function runsAtOnceProblem(text: string): string | undefined {
  return Number.isNaN(parseRunsAtOnce(text)) ? `A whole number from 1 to ${MOST_JOB_RUNS_AT_ONCE}` : undefined;
}
