import type { Handlers } from '../../bridge/bridge-server';
import type { JobManager } from './job-manager';
import { JobRunFiles } from './job-run-files';

type JobRequests =
  | 'jobs.list'
  | 'jobs.get'
  | 'jobs.create'
  | 'jobs.update'
  | 'jobs.start'
  | 'jobs.pause'
  | 'jobs.resume'
  | 'jobs.runNow'
  | 'jobs.cancel'
  | 'jobs.duplicate'
  | 'jobs.delete'
  | 'jobs.runs'
  | 'jobs.run'
  | 'jobs.runFiles'
  | 'jobs.runFile'
  | 'jobs.preview';

export function jobHandlers(jobs: JobManager): Pick<Handlers, JobRequests> {
  const runFiles = new JobRunFiles(jobs);
  return {
    'jobs.list': ({ projectId }) => jobs.list(projectId),
    'jobs.get': ({ jobUuid }) => jobs.get(jobUuid),
    'jobs.create': (input) => jobs.create(input),
    'jobs.update': ({ jobUuid, ...patch }) => jobs.update(jobUuid, patch),
    'jobs.start': ({ jobUuid }) => jobs.start(jobUuid),
    'jobs.pause': ({ jobUuid }) => jobs.pause(jobUuid),
    'jobs.resume': ({ jobUuid }) => jobs.resume(jobUuid),
    'jobs.runNow': ({ jobUuid }) => jobs.runNow(jobUuid),
    'jobs.cancel': ({ jobUuid, runUuid }) => jobs.cancel(jobUuid, runUuid),
    'jobs.duplicate': ({ jobUuid }) => jobs.duplicate(jobUuid),
    'jobs.delete': ({ jobUuid }) => jobs.delete(jobUuid),
    'jobs.runs': ({ jobUuid, status, offset, limit }) => jobs.listRuns(jobUuid, status, offset, limit),
    'jobs.run': ({ jobUuid, runUuid }) => jobs.run(jobUuid, runUuid),
    'jobs.runFiles': ({ jobUuid, runUuid, path }) => runFiles.list(jobUuid, runUuid, path),
    'jobs.runFile': ({ jobUuid, runUuid, path }) => runFiles.read(jobUuid, runUuid, path),
    'jobs.preview': ({ projectId, path, grid, leftOut }) => jobs.preview(projectId, path, grid, leftOut),
  };
}
