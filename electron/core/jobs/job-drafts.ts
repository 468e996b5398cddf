import { randomUUID } from 'node:crypto';
import type { JobCreateInput, JobSettings, PipelineDefinition } from '../../contract';
import { AppError } from '../app-error';
import { runParameters } from './job-grid';
import type { JobRecord } from './job-records';
import { describeCron, firstScheduledTime } from './job-schedule';
import { canEditJob } from './job-states';
import { canonicalGrid } from './job-start';

/** A new DRAFT from the pipeline as it is; refuses a grid that does not fit it or a cron that is not one. */
export function draftJob(input: JobCreateInput, definition: PipelineDefinition, variableNames: string[], now: Date): JobRecord {
  const pipelineUuid = definition.uuid;
  if (typeof pipelineUuid !== 'string' || pipelineUuid === '') throw new AppError('PIPELINE_INVALID', `${input.path} has no uuid`);
  const schedule = input.schedule ?? { kind: 'now' };
  if (schedule.kind === 'cron') describeCron(schedule.cron);
  const grid = canonicalGrid(definition, input.grid ?? {});
  const leftOut = input.leftOut ?? [];
  runParameters(definition, grid, leftOut);
  return {
    uuid: randomUUID(),
    name: input.name,
    projectId: input.projectId,
    pipelineUuid,
    pipelinePath: input.path,
    pipelineName: typeof definition.name === 'string' ? definition.name : '',
    status: 'DRAFT',
    schedule,
    nextScheduledTime: null,
    lastScheduledTime: null,
    createdAt: now.toISOString(),
    grid,
    leftOut,
    parameters: [],
    pipelineDefinition: {},
    variableNames: [...variableNames].sort(),
    environmentImages: {},
    maxRetainedRuns: input.maxRetainedRuns ?? -1,
    batches: 0,
    runsMade: 0,
    snapshot: null,
  };
}

/**
 * A draft's settings changed, or a live cron job's: its schedule stays a cron (its next time from now),
 * and its grid applies to the pipeline frozen at Start (`definition` is that one then).
 */
export function editedJob(job: JobRecord, patch: Partial<JobSettings>, definition: PipelineDefinition, now: Date): JobRecord {
  if (!canEditJob(job.status, job.schedule.kind === 'cron')) throw new AppError('CONFLICT', `A job that is ${job.status} cannot be changed; duplicate it instead`);
  const next: JobRecord = { ...job };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.maxRetainedRuns !== undefined) next.maxRetainedRuns = patch.maxRetainedRuns;
  if (patch.schedule !== undefined) {
    if (job.status !== 'DRAFT' && patch.schedule.kind !== 'cron') throw new AppError('CONFLICT', 'A started cron job keeps a cron schedule', 'schedule');
    if (patch.schedule.kind === 'cron') describeCron(patch.schedule.cron);
    next.schedule = patch.schedule;
    if (job.status === 'PENDING' || job.status === 'STARTED') next.nextScheduledTime = firstScheduledTime(patch.schedule, now);
  }
  if (patch.grid !== undefined || patch.leftOut !== undefined) {
    next.grid = patch.grid ? canonicalGrid(definition, patch.grid) : job.grid;
    next.leftOut = patch.leftOut ?? (patch.grid !== undefined ? [] : job.leftOut);
    const parameters = runParameters(definition, next.grid, next.leftOut);
    if (job.status !== 'DRAFT') next.parameters = parameters;
  }
  if (patch.variables !== undefined) next.variableNames = Object.keys(patch.variables).sort();
  return next;
}

/** A new DRAFT with the job's settings; its Start takes a fresh snapshot and fresh images. */
export function duplicatedJob(job: JobRecord, now: Date): JobRecord {
  const copy: JobRecord = {
    ...job,
    uuid: randomUUID(),
    status: 'DRAFT',
    nextScheduledTime: null,
    lastScheduledTime: null,
    createdAt: now.toISOString(),
    parameters: [],
    pipelineDefinition: {},
    environmentImages: {},
    batches: 0,
    runsMade: 0,
    snapshot: null,
  };
  delete copy.reason;
  return copy;
}
