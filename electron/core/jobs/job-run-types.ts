import type { JobRecord, RunRecord } from './job-records';

/** One run of a job to carry out, start to end (the job runner's work). */
export interface JobRunRequest {
  job: JobRecord;
  /** The run as stored, PENDING. */
  run: RunRecord;
  /** Cancels the run: its containers are stopped and removed, and it ends ABORTED. */
  signal: AbortSignal;
  /** Every change of the run or its steps, to store and to show. */
  onChange(run: RunRecord): void;
}

/** Carries one run out and resolves with it finished (SUCCESS, FAILURE or ABORTED, with a reason); never rejects. */
export type CarryOutRun = (request: JobRunRequest) => Promise<RunRecord>;
