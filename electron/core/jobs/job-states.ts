import { AppError } from '../app-error';

/** Orchest's job states (`models/_core.py Job.status`); PAUSED is for cron jobs only. */
export const JOB_STATUSES = ['DRAFT', 'PENDING', 'STARTED', 'PAUSED', 'SUCCESS', 'FAILURE', 'ABORTED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Orchest's run (and step) states (`NonInteractivePipelineRun.status`). */
export const RUN_STATUSES = ['PENDING', 'STARTED', 'SUCCESS', 'FAILURE', 'ABORTED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Why a run that was going when the app stopped is ABORTED at the next start. */
export const APP_STOPPED_REASON = 'the app stopped';

const JOB_MOVES: Record<JobStatus, readonly JobStatus[]> = {
  // Start: a job that runs now is STARTED at once; one waiting for its time or schedule is PENDING.
  DRAFT: ['PENDING', 'STARTED'],
  PENDING: ['STARTED', 'PAUSED', 'ABORTED'],
  // A one-off job ends when its runs do; a cron job goes on until paused or aborted.
  STARTED: ['SUCCESS', 'FAILURE', 'PAUSED', 'ABORTED'],
  PAUSED: ['STARTED', 'ABORTED'],
  SUCCESS: [],
  FAILURE: [],
  ABORTED: [],
};

const RUN_MOVES: Record<RunStatus, readonly RunStatus[]> = {
  PENDING: ['STARTED', 'ABORTED'],
  STARTED: ['SUCCESS', 'FAILURE', 'ABORTED'],
  SUCCESS: [],
  FAILURE: [],
  ABORTED: [],
};

export function canMoveJob(from: JobStatus, to: JobStatus): boolean {
  return JOB_MOVES[from].includes(to);
}

export function canMoveRun(from: RunStatus, to: RunStatus): boolean {
  return RUN_MOVES[from].includes(to);
}

/** Refuses a move the rules do not allow, saying which; the stores call it before writing a new state. */
export function assertJobMove(from: JobStatus, to: JobStatus): void {
  if (!canMoveJob(from, to)) throw new AppError('CONFLICT', `A job that is ${from} cannot become ${to}`, 'status');
}

export function assertRunMove(from: RunStatus, to: RunStatus): void {
  if (!canMoveRun(from, to)) throw new AppError('CONFLICT', `A run that is ${from} cannot become ${to}`, 'status');
}

export function isJobFinished(status: JobStatus): boolean {
  return JOB_MOVES[status].length === 0;
}

export function isRunFinished(status: RunStatus): boolean {
  return RUN_MOVES[status].length === 0;
}

/** Orchest's rule for editing: a draft, or a cron job that has not ended. */
export function canEditJob(status: JobStatus, recurring: boolean): boolean {
  return status === 'DRAFT' || (recurring && !isJobFinished(status));
}

/** Pause is for a live cron job; resume for a paused one. */
export function canPauseJob(status: JobStatus, recurring: boolean): boolean {
  return recurring && (status === 'PENDING' || status === 'STARTED');
}

/** "Run now" (Orchest's trigger, PR #1186): a cron job that has not ended, paused or not. */
export function canRunNow(status: JobStatus, recurring: boolean): boolean {
  return recurring && (status === 'PENDING' || status === 'STARTED' || status === 'PAUSED');
}

/**
 * A one-off job's state once its runs are known: STARTED while any run is pending or going, then
 * FAILURE when any run failed or was cut off by the app stopping, ABORTED when every run was
 * cancelled, else SUCCESS. A cron job's state does not follow its runs.
 */
export function oneOffJobStatus(current: JobStatus, runs: ReadonlyArray<{ status: RunStatus; reason?: string }>): JobStatus {
  if (current !== 'STARTED' || runs.length === 0 || runs.some((run) => !isRunFinished(run.status))) return current;
  if (runs.some((run) => run.status === 'FAILURE' || run.reason === APP_STOPPED_REASON)) return 'FAILURE';
  return runs.every((run) => run.status === 'ABORTED') ? 'ABORTED' : 'SUCCESS';
}

/** What aborting a job does to a run: a pending or going one is ABORTED, a finished one stays. */
export function runAfterAbort(status: RunStatus): RunStatus {
  return isRunFinished(status) ? status : 'ABORTED';
}

/** At app start: a run that was going was cut off, so it is ABORTED; a pending one still waits for its turn. */
export function runAfterAppStart(status: RunStatus): { status: RunStatus; reason?: string } {
  return status === 'STARTED' ? { status: 'ABORTED', reason: APP_STOPPED_REASON } : { status };
}
