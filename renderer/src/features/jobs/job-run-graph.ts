import type { JobRun, PipelineRun, PipelineSteps, StepRun } from '../../../../electron/contract';

export interface JobRunGraphContext {
  projectId: string;
  pipelinePath: string;
  pipelineUuid: string;
}

/**
 * A job's run in the shape the pipeline graph shows states from (an interactive run's): every step of the
 * frozen pipeline, PENDING until the run tells of it; the run's own state, times and reason.
 */
export function jobRunAsPipelineRun(run: JobRun, steps: PipelineSteps, context: JobRunGraphContext): PipelineRun {
  const uuids = [...new Set([...Object.keys(steps), ...Object.keys(run.steps)])];
  return {
    runUuid: run.uuid,
    projectId: context.projectId,
    pipelinePath: context.pipelinePath,
    pipelineUuid: context.pipelineUuid,
    status: run.status,
    startedAt: run.startedAt ?? run.createdAt,
    ...(run.finishedAt !== undefined && { finishedAt: run.finishedAt }),
    ...(run.reason !== undefined && { message: run.reason }),
    steps: uuids.map((uuid) => stepRunOf(uuid, run.steps[uuid], steps)),
  };
}

function stepRunOf(uuid: string, state: JobRun['steps'][string] | undefined, steps: PipelineSteps): StepRun {
  const step = steps[uuid];
  return {
    uuid,
    title: step?.title || uuid,
    filePath: step?.file_path ?? '',
    status: state?.status ?? 'PENDING',
    ...(state?.startedAt !== undefined && { startedAt: state.startedAt }),
    ...(state?.finishedAt !== undefined && { finishedAt: state.finishedAt }),
    ...(state?.message !== undefined && { message: state.message }),
  };
}

/** A key that changes exactly when a step's state, times or message changes: the graph's run is remade only then. */
export function jobRunStepsKey(run: JobRun): string {
  return JSON.stringify([run.status, run.startedAt, run.finishedAt, run.reason, Object.entries(run.steps).sort(([a], [b]) => a.localeCompare(b))]);
}
