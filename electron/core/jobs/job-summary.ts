import type { JobSummary } from '../../contract';
import type { JobRecord, RunRecord } from './job-records';
import { describeCron } from './job-schedule';
import { RUN_STATUSES } from './job-states';

/** The schedule in words: "Now", "Once at <time>", or the cron schedule described. */
export function scheduleText(schedule: JobRecord['schedule']): string {
  if (schedule.kind === 'now') return 'Now';
  if (schedule.kind === 'at') return `Once at ${schedule.time}`;
  return describeCron(schedule.cron);
}

/** A job as lists show it, with its kept runs counted by status. */
export function jobSummary(job: JobRecord, runs: Iterable<RunRecord>): JobSummary {
  const runCounts = Object.fromEntries(RUN_STATUSES.map((status) => [status, 0])) as JobSummary['runCounts'];
  for (const run of runs) runCounts[run.status]++;
  return {
    uuid: job.uuid,
    name: job.name,
    projectId: job.projectId,
    pipelineUuid: job.pipelineUuid,
    pipelinePath: job.pipelinePath,
    pipelineName: job.pipelineName,
    status: job.status,
    schedule: job.schedule,
    scheduleText: scheduleText(job.schedule),
    nextScheduledTime: job.nextScheduledTime,
    lastScheduledTime: job.lastScheduledTime,
    createdAt: job.createdAt,
    maxRetainedRuns: job.maxRetainedRuns,
    batches: job.batches,
    runsMade: job.runsMade,
    runCounts,
    snapshot: job.snapshot,
    ...(job.reason ? { reason: job.reason } : {}),
  };
}
