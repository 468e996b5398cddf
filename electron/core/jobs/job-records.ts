import { z } from 'zod';
import { JOB_STATUSES, RUN_STATUSES } from './job-states';

/** A folder name the store makes from an id: letters, digits and dashes only, so no id can leave `jobs/`. */
export const RecordId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'an id of letters, digits and dashes');

const Time = z.iso.datetime({ offset: true });

export const JobScheduleRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }),
  z.object({ kind: z.literal('at'), time: Time }),
  z.object({ kind: z.literal('cron'), cron: z.string().min(1) }),
]);

const Parameters = z.record(z.string(), z.record(z.string(), z.unknown()));

/** `jobs/<uuid>/job.json`: Orchest's `Job` row, in the app's terms. */
export const JobRecord = z.object({
  uuid: RecordId,
  name: z.string().min(1),
  projectId: z.string().min(1),
  pipelineUuid: z.string().min(1),
  /** The pipeline file's path in the project (and so in the snapshot). */
  pipelinePath: z.string().min(1),
  pipelineName: z.string(),
  status: z.enum(JOB_STATUSES),
  schedule: JobScheduleRecord,
  nextScheduledTime: Time.nullable(),
  lastScheduledTime: Time.nullable(),
  createdAt: Time,
  /** `pipeline.<name>` / `<step uuid>.<name>` -> values, and the product's rows left out. */
  grid: z.record(z.string(), z.array(z.unknown())),
  leftOut: z.array(z.number().int().nonnegative()),
  /** One entry per run of a batch, frozen at Start (Orchest's `parameters`). */
  parameters: z.array(Parameters),
  /** The pipeline as it was at Start (Orchest's `pipeline_definition`). */
  pipelineDefinition: z.record(z.string(), z.unknown()),
  /** The job's variables' names; their values are in the app's secret store. */
  variableNames: z.array(z.string()),
  /** Environment uuid -> the image locked at Start. */
  environmentImages: z.record(z.string(), z.string()),
  /** Finished runs kept; -1 keeps all (Orchest's `max_retained_pipeline_runs`). */
  maxRetainedRuns: z.number().int().min(-1),
  /** Batches started (Orchest's `total_scheduled_executions`) and runs made over the job's life. */
  batches: z.number().int().nonnegative(),
  runsMade: z.number().int().nonnegative(),
  snapshot: z.object({ files: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }).nullable(),
  /** Why the job ended the way it did, in words. */
  reason: z.string().optional(),
});
export type JobRecord = z.infer<typeof JobRecord>;

export const StepRecord = z.object({
  status: z.enum(RUN_STATUSES),
  startedAt: Time.optional(),
  finishedAt: Time.optional(),
  message: z.string().optional(),
});

/** `jobs/<job>/runs/<uuid>/run.json`: Orchest's `NonInteractivePipelineRun`. */
export const RunRecord = z.object({
  uuid: RecordId,
  jobUuid: RecordId,
  status: z.enum(RUN_STATUSES),
  parameters: Parameters,
  /** Which batch (Orchest's `job_run_index`), its place in the batch, and its place over the whole job. */
  batch: z.number().int().nonnegative(),
  indexInBatch: z.number().int().nonnegative(),
  runIndex: z.number().int().nonnegative(),
  createdAt: Time,
  startedAt: Time.optional(),
  finishedAt: Time.optional(),
  reason: z.string().optional(),
  steps: z.record(z.string(), StepRecord).default({}),
});
export type RunRecord = z.infer<typeof RunRecord>;
