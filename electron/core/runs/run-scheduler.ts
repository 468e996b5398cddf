export type StepResult = 'SUCCESS' | 'FAILURE' | 'ABORTED';

export interface ScheduledStep {
  uuid: string;
  /** The steps of the same run it waits for. */
  parents: string[];
}

export interface StepCallbacks {
  run(uuid: string): Promise<StepResult>;
  /** A step that will not run: a parent did not succeed (named), or the run was cancelled (none). */
  skip(uuid: string, parent: string | undefined): void;
}

/**
 * Runs the steps (given parents first) as soon as their parents succeeded, at most `parallelism` at
 * once (0: no limit). A step whose parent failed is skipped with everything after it; the others go on.
 * Once `signal` aborts, nothing new starts. Resolves with every step's result.
 */
export function runInOrder(steps: ScheduledStep[], parallelism: number, callbacks: StepCallbacks, signal: AbortSignal): Promise<Map<string, StepResult>> {
  const results = new Map<string, StepResult>();
  let pending = [...steps];
  let running = 0;
  const limit = parallelism > 0 ? parallelism : Number.POSITIVE_INFINITY;
  return new Promise((resolve) => {
    const pump = () => {
      const waiting: ScheduledStep[] = [];
      for (const step of pending) {
        // A cancelled run names no parent: its steps were not run because of the cancel.
        const failed = signal.aborted ? undefined : step.parents.find((p) => results.has(p) && results.get(p) !== 'SUCCESS');
        if (failed !== undefined || signal.aborted) {
          results.set(step.uuid, 'ABORTED');
          callbacks.skip(step.uuid, failed);
        } else if (running < limit && step.parents.every((p) => results.get(p) === 'SUCCESS')) {
          start(step);
        } else waiting.push(step);
      }
      pending = waiting;
      if (pending.length === 0 && running === 0) {
        signal.removeEventListener('abort', pump);
        resolve(results);
      }
    };
    const start = (step: ScheduledStep) => {
      running++;
      void callbacks
        .run(step.uuid)
        .catch((): StepResult => 'FAILURE')
        .then((result) => {
          results.set(step.uuid, result);
          running--;
          pump();
        });
    };
    signal.addEventListener('abort', pump);
    pump();
  });
}
