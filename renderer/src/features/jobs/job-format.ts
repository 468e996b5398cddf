import type { JobRunCounts, JobRunStatus, JobStatus } from '../../../../electron/contract';
import type { SessionLabel, SessionTone } from '../sessions/session-labels';

export const RUN_STATUSES: readonly JobRunStatus[] = ['PENDING', 'STARTED', 'SUCCESS', 'FAILURE', 'ABORTED'];

const JOB_TONES: Record<JobStatus, SessionTone> = {
  DRAFT: 'neutral',
  PENDING: 'busy',
  STARTED: 'busy',
  PAUSED: 'warn',
  SUCCESS: 'ok',
  FAILURE: 'error',
  ABORTED: 'warn',
};

const RUN_TONES: Record<JobRunStatus, SessionTone> = { PENDING: 'neutral', STARTED: 'busy', SUCCESS: 'ok', FAILURE: 'error', ABORTED: 'warn' };

export function jobStatusLabel(status: JobStatus): SessionLabel {
  return { tone: JOB_TONES[status], text: status };
}

export function runStatusLabel(status: JobRunStatus): SessionLabel {
  return { tone: RUN_TONES[status], text: status };
}

/** A job that ended (SUCCESS, FAILURE, ABORTED) changes no more. */
export function isJobEnded(status: JobStatus): boolean {
  return status === 'SUCCESS' || status === 'FAILURE' || status === 'ABORTED';
}

export function isRunEnded(status: JobRunStatus): boolean {
  return status === 'SUCCESS' || status === 'FAILURE' || status === 'ABORTED';
}

/** Orchest's rule: a draft, or a cron job that has not ended, can be edited. */
export function canEditJob(job: { status: JobStatus; schedule: { kind: string } }): boolean {
  return job.status === 'DRAFT' || (job.schedule.kind === 'cron' && !isJobEnded(job.status));
}

/** Runs by status in words, in the order of the states: "2 SUCCESS, 1 FAILURE"; "no runs" when none. */
export function runCountsText(counts: Partial<JobRunCounts>): string {
  const parts = RUN_STATUSES.flatMap((status) => {
    const count = counts[status] ?? 0;
    return count > 0 ? [`${count} ${status}`] : [];
  });
  return parts.length > 0 ? parts.join(', ') : 'no runs';
}

/** A duration as people read it: "0.4 s", "12 s", "3 min 5 s", "2 h 4 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** How long a run (or step) took, or has been going until `now`; empty before it started. */
export function runDuration(run: { startedAt?: string | undefined; finishedAt?: string | undefined }, now: number): string {
  if (!run.startedAt) return '';
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  return formatDuration(end - Date.parse(run.startedAt));
}

/** A time as the tables show it, in the person's own zone; "" for none. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/**
 * A run's parameters in short: "greeting=hi, pipeline.n=2", step parameters by the step's title when known.
 * Only what `vary` names (the grid's keys) when given, so the columns show what differs between runs.
 */
export function shortParameters(
  parameters: Record<string, Record<string, unknown>>,
  titles: ReadonlyMap<string, string>,
  vary?: ReadonlySet<string>,
): string {
  const parts: string[] = [];
  for (const [owner, values] of Object.entries(parameters)) {
    const key = owner === 'pipeline_parameters' ? 'pipeline' : owner;
    const label = owner === 'pipeline_parameters' ? 'pipeline' : (titles.get(owner) ?? owner.slice(0, 8));
    for (const [name, value] of Object.entries(values)) {
      if (vary && !vary.has(`${key}.${name}`)) continue;
      parts.push(`${label}.${name}=${JSON.stringify(value)}`);
    }
  }
  return parts.join(', ');
}
