import type { RunRecord } from './job-records';
import { isRunFinished } from './job-states';

/**
 * The finished runs beyond the newest `keep` (-1 keeps all), newest by the order they were made in
 * (Orchest's `pipeline_run_index`), returned oldest first: the order they are removed in. Pending and
 * going runs are never counted or removed.
 */
export function runsBeyondRetention(runs: readonly RunRecord[], keep: number): RunRecord[] {
  if (keep < 0) return [];
  const finished = runs.filter((run) => isRunFinished(run.status)).sort((a, b) => b.runIndex - a.runIndex);
  return finished.slice(keep).reverse();
}
