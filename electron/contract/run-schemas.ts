import { z } from 'zod';
import { BuildStatus } from './environment-schemas';
import { PipelinePath } from './pipeline-schemas';
import { inProject } from './request-helpers';

/** Orchest's states of a pipeline run and of each of its steps: the same as an environment build's. */
export const RunStatus = BuildStatus;
export type RunStatus = z.infer<typeof RunStatus>;

export const StepRun = z.object({
  uuid: z.string(),
  title: z.string(),
  /** The step's file as the pipeline names it. */
  filePath: z.string(),
  status: RunStatus,
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  exitCode: z.number().int().optional(),
  /** Why it failed or was not run, in words. */
  message: z.string().optional(),
});
export type StepRun = z.infer<typeof StepRun>;

export const PipelineRun = z.object({
  runUuid: z.string(),
  projectId: z.string(),
  pipelinePath: PipelinePath,
  pipelineUuid: z.string(),
  status: RunStatus,
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** What the run is doing before its steps start (starting the session, waiting for its services), or why it failed. */
  message: z.string().optional(),
  /** The steps of the run, in an order that runs every step after its parents. */
  steps: z.array(StepRun),
});
export type PipelineRun = z.infer<typeof PipelineRun>;

/** Which steps a run takes: all, the ones given, or the ones given and every step after them. */
export const RunSelection = z.enum(['all', 'selected', 'descendants']);
export type RunSelection = z.infer<typeof RunSelection>;

const onePipeline = inProject.extend({ path: PipelinePath });

export const runRequests = {
  /** Starts a run (the session first, when it does not run); answers at once, or at its end with `wait`. */
  'runs.start': {
    input: onePipeline.extend({
      selection: RunSelection.default('all'),
      steps: z.array(z.string().min(1)).optional(),
      wait: z.boolean().optional(),
    }),
    output: PipelineRun,
  },
  /** The pipeline's newest run since the app started; null when it had none. */
  'runs.get': { input: onePipeline, output: PipelineRun.nullable() },
  /** Stops the run and its containers; its unfinished steps end ABORTED. */
  'runs.cancel': { input: onePipeline.extend({ wait: z.boolean().optional() }), output: PipelineRun.nullable() },
} as const;

export const runEvents = {
  /** A run or one of its steps changed state. */
  'runs.changed': PipelineRun,
} as const;
