import { z } from 'zod';
import { PipelineDefinition, PipelinePath } from './pipeline-schemas';
import { ProjectId } from './schemas';
import { Variables } from './variable-schemas';

/** Orchest's job states (DRAFT until Start; PAUSED for cron jobs only). */
export const JobStatus = z.enum(['DRAFT', 'PENDING', 'STARTED', 'PAUSED', 'SUCCESS', 'FAILURE', 'ABORTED']);
export type JobStatus = z.infer<typeof JobStatus>;

/** Orchest's states of a job's run and of its steps. */
export const JobRunStatus = z.enum(['PENDING', 'STARTED', 'SUCCESS', 'FAILURE', 'ABORTED']);
export type JobRunStatus = z.infer<typeof JobRunStatus>;

/** When a job runs: now, once at a time (ISO, with offset), or on a 5-field cron schedule. */
export const JobSchedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }).strict(),
  z.object({ kind: z.literal('at'), time: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ kind: z.literal('cron'), cron: z.string().min(1, 'Give a cron schedule') }).strict(),
]);
export type JobSchedule = z.infer<typeof JobSchedule>;

/** `pipeline.<name>` or `<step title or uuid>.<name>` -> the values to try. */
export const ParameterGridInput = z.record(z.string().min(1), z.array(z.unknown()).min(1, 'Give at least one value'));
/** Rows of the grid's product left out, by their index in it. */
export const LeftOut = z.array(z.number().int().nonnegative());

/** One run's parameters: `pipeline_parameters` and each step's by uuid. */
export const RunParametersSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export const JobRunCounts = z.record(JobRunStatus, z.number().int().nonnegative());
export type JobRunCounts = z.infer<typeof JobRunCounts>;

/** A job as lists show it. */
export const JobSummary = z.object({
  uuid: z.string(),
  name: z.string(),
  projectId: z.string(),
  pipelineUuid: z.string(),
  pipelinePath: z.string(),
  pipelineName: z.string(),
  status: JobStatus,
  schedule: JobSchedule,
  /** The schedule in words ("At 09:00, Monday through Friday"; "Now"; "Once at ..."). */
  scheduleText: z.string(),
  nextScheduledTime: z.string().nullable(),
  lastScheduledTime: z.string().nullable(),
  createdAt: z.string(),
  maxRetainedRuns: z.number().int(),
  batches: z.number().int().nonnegative(),
  runsMade: z.number().int().nonnegative(),
  /** Runs kept, by status. */
  runCounts: JobRunCounts,
  snapshot: z.object({ files: z.number().int(), bytes: z.number().int() }).nullable(),
  reason: z.string().optional(),
});
export type JobSummary = z.infer<typeof JobSummary>;

/** A job as its page and editor show it. */
export const JobDetails = JobSummary.extend({
  grid: z.record(z.string(), z.array(z.unknown())),
  leftOut: LeftOut,
  /** Runs per batch (the grid's rows less those left out); 0 when the grid does not fit the pipeline. */
  runsPerBatch: z.number().int().nonnegative(),
  variables: z.record(z.string(), z.string()),
  /** Environment uuid -> the image locked at Start. */
  environmentImages: z.record(z.string(), z.string()),
  /** A cron job's next three times. */
  nextTimes: z.array(z.string()),
  /** The pipeline frozen at Start (its steps, titles and parameters); null while a draft (the file as it is now applies). */
  pipelineDefinition: PipelineDefinition.nullable(),
});
export type JobDetails = z.infer<typeof JobDetails>;

export const JobStepRun = z.object({
  status: JobRunStatus,
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  message: z.string().optional(),
});

/** One run of a job (Orchest's non-interactive pipeline run). */
export const JobRun = z.object({
  uuid: z.string(),
  jobUuid: z.string(),
  status: JobRunStatus,
  parameters: RunParametersSchema,
  batch: z.number().int().nonnegative(),
  indexInBatch: z.number().int().nonnegative(),
  runIndex: z.number().int().nonnegative(),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  reason: z.string().optional(),
  steps: z.record(z.string(), JobStepRun),
});
export type JobRun = z.infer<typeof JobRun>;

/** The settings of a job that a draft (or a live cron job) may change. */
export const JobSettings = z.object({
  name: z.string().trim().min(1, 'Give the job a name'),
  schedule: JobSchedule,
  grid: ParameterGridInput,
  leftOut: LeftOut,
  /** The job's whole set of variables. */
  variables: Variables,
  /** Finished runs kept; -1 keeps all. */
  maxRetainedRuns: z.number().int().min(-1),
});
export type JobSettings = z.infer<typeof JobSettings>;

export const JobSnapshotProgress = z.object({
  jobUuid: z.string(),
  phase: z.enum(['measuring', 'copying', 'done']),
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  totalFiles: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type JobSnapshotProgress = z.infer<typeof JobSnapshotProgress>;

export const JobPreview = z.object({
  /** Every row of the grid's product, with whether it is left out. */
  rows: z.array(z.object({ index: z.number().int(), parameters: RunParametersSchema, leftOut: z.boolean() })),
  runs: z.number().int().nonnegative(),
  /** What the snapshot would copy now, and whether that is more than Orchest warned about (50 MB). */
  snapshot: z.object({ files: z.number().int(), bytes: z.number().int(), large: z.boolean() }),
});
export type JobPreview = z.infer<typeof JobPreview>;

export const JobCreateInput = JobSettings.partial({ grid: true, leftOut: true, variables: true, maxRetainedRuns: true, schedule: true })
  .extend({ projectId: ProjectId, path: PipelinePath })
  .strict();
export type JobCreateInput = z.infer<typeof JobCreateInput>;
