import { z } from 'zod';
import {
  JobCreateInput,
  JobDetails,
  JobPreview,
  JobRun,
  JobRunStatus,
  JobSettings,
  JobSnapshotProgress,
  JobSummary,
  LeftOut,
  ParameterGridInput,
} from './job-schemas';
import { PipelinePath } from './pipeline-schemas';
import { inProject } from './request-helpers';
import { TextFile } from './file-requests';
import { FileEntry, ProjectId, RelativePath } from './schemas';

export * from './job-schemas';

const JobUuid = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'a job id of letters, digits and dashes');
const oneJob = z.object({ jobUuid: JobUuid }).strict();

/** The most runs one page of `jobs.runs` answers. */
export const JOB_RUNS_PAGE_LIMIT = 500;

export const jobRequests = {
  /** The project's jobs, oldest first. */
  'jobs.list': { input: inProject, output: z.array(JobSummary) },
  'jobs.get': { input: oneJob, output: JobDetails },
  /** A DRAFT; its variables start as the project's and pipeline's, `variables` given added over them. */
  'jobs.create': { input: JobCreateInput, output: JobDetails },
  /** Changes a draft, or a cron job that has not ended; fields left out stay. */
  'jobs.update': { input: JobSettings.partial().extend({ jobUuid: JobUuid }).strict(), output: JobDetails },
  /** Snapshots the project, locks the environments' images and makes the job live (events jobs.snapshotProgress). */
  'jobs.start': { input: oneJob, output: JobSummary },
  'jobs.pause': { input: oneJob, output: JobSummary },
  'jobs.resume': { input: oneJob, output: JobSummary },
  /** A cron job's extra batch of runs, now. */
  'jobs.runNow': { input: oneJob, output: JobSummary },
  /** Cancels one run, or the whole job (which ends ABORTED) without `runUuid`. */
  'jobs.cancel': { input: z.object({ jobUuid: JobUuid, runUuid: JobUuid.optional() }).strict(), output: JobSummary },
  /** A new DRAFT with the same settings; its Start takes a fresh snapshot. */
  'jobs.duplicate': { input: oneJob, output: JobDetails },
  /** Cancels the job, removes its folder; answers the locked images no job uses any longer. */
  'jobs.delete': { input: oneJob, output: z.object({ releasedImages: z.array(z.string()) }) },
  /** A page of the job's runs, newest first, optionally of one status. */
  'jobs.runs': {
    input: z
      .object({
        jobUuid: JobUuid,
        status: JobRunStatus.optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(JOB_RUNS_PAGE_LIMIT).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int().nonnegative(), runs: z.array(JobRun) }),
  },
  'jobs.run': { input: z.object({ jobUuid: JobUuid, runUuid: JobUuid }).strict(), output: JobRun },
  /** One folder of a run's copy of the project ('' for its top), read-only; never outside that copy. */
  'jobs.runFiles': { input: z.object({ jobUuid: JobUuid, runUuid: JobUuid, path: RelativePath }).strict(), output: z.array(FileEntry) },
  /** A text file of a run's copy of the project; FILE_TOO_BIG or FILE_NOT_TEXT as files.read. */
  'jobs.runFile': { input: z.object({ jobUuid: JobUuid, runUuid: JobUuid, path: RelativePath }).strict(), output: TextFile },
  /** The grid's rows and the snapshot's size, before Start. */
  'jobs.preview': {
    input: z.object({ projectId: ProjectId, path: PipelinePath, grid: ParameterGridInput.default({}), leftOut: LeftOut.default([]) }).strict(),
    output: JobPreview,
  },
} as const;

export const jobEvents = {
  /** A job was made, changed state or settings, or was deleted (`deleted: true`). */
  'jobs.changed': JobSummary.extend({ deleted: z.boolean().optional() }),
  /** A run or one of its steps changed. */
  'jobs.runChanged': JobRun,
  /** The copy of the project at a job's Start. */
  'jobs.snapshotProgress': JobSnapshotProgress,
} as const;
