import type { LogSource, StepRun } from '../../../../electron/contract';

/** Steps' titles by uuid: from the log list, and from the run for a step whose log is not listed yet. */
export function stepTitles(sources: readonly LogSource[] | undefined, steps: readonly StepRun[] | undefined): ReadonlyMap<string, string> {
  const titles = new Map<string, string>(steps?.map((step) => [step.uuid, step.title]));
  for (const source of sources ?? []) if (source.step !== undefined) titles.set(source.source, source.step);
  return titles;
}
