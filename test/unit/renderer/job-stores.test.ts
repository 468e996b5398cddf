import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeClient, type JobRun, type JobSummary } from '../../../electron/contract';
import { createJobRunsStore, JOB_RUNS_PAGE, JOB_RUNS_REFETCH_MS } from '../../../renderer/src/stores/job-runs-store';
import { createJobStore } from '../../../renderer/src/stores/job-store';
import { createJobsStore, JOBS_REFETCH_MS } from '../../../renderer/src/stores/jobs-store';
import { FakeTransport } from './fake-transport';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const counts = { PENDING: 0, STARTED: 0, SUCCESS: 0, FAILURE: 0, ABORTED: 0 };
const summary = (uuid: string, extra: Partial<JobSummary> = {}): JobSummary => ({
  uuid,
  name: `job ${uuid}`,
  projectId: PROJECT,
  pipelineUuid: 'p',
  pipelinePath: 'main.orchest',
  pipelineName: 'Main',
  status: 'DRAFT',
  schedule: { kind: 'now' },
  scheduleText: 'Now',
  nextScheduledTime: null,
  lastScheduledTime: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  maxRetainedRuns: -1,
  batches: 0,
  runsMade: 0,
  runCounts: counts,
  snapshot: null,
  ...extra,
});
const run = (uuid: string, status: JobRun['status'], jobUuid = 'j1'): JobRun => ({
  uuid,
  jobUuid,
  status,
  parameters: {},
  batch: 0,
  indexInBatch: 0,
  runIndex: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  steps: {},
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());
/** Lets the answers in flight arrive (the fake transport answers at once), firing no debounced re-read. */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('jobs store', () => {
  it('lists the open project, patches jobs.changed in place, and re-reads the counts after a burst of run events', async () => {
    const transport = new FakeTransport().handle('jobs.list', () => [summary('j1')]);
    const store = createJobsStore(new BridgeClient(transport));
    const stop = store.getState().start();
    store.getState().open(PROJECT);
    await flush();
    expect(store.getState().jobs.map((j) => j.uuid)).toEqual(['j1']);

    transport.emit('jobs.changed', summary('j1', { status: 'STARTED', scheduleText: 'Now' }));
    transport.emit('jobs.changed', summary('j2'));
    transport.emit('jobs.changed', summary('j9', { projectId: '22222222-2222-4222-8222-222222222222' }));
    expect(store.getState().jobs.map((j) => [j.uuid, j.status])).toEqual([['j1', 'STARTED'], ['j2', 'DRAFT']]);
    transport.emit('jobs.changed', { ...summary('j2'), deleted: true });
    expect(store.getState().jobs.map((j) => j.uuid)).toEqual(['j1']);

    const before = transport.named('jobs.list').length;
    for (let i = 0; i < 20; i++) transport.emit('jobs.runChanged', run(`r${i}`, 'SUCCESS'));
    transport.emit('jobs.runChanged', run('other', 'SUCCESS', 'elsewhere'));
    await vi.advanceTimersByTimeAsync(JOBS_REFETCH_MS + 10);
    expect(transport.named('jobs.list').length).toBe(before + 1);
    stop();
  });

  it('makes a draft and lists it at once', async () => {
    const transport = new FakeTransport()
      .handle('jobs.list', () => [])
      .handle('jobs.create', () => ({ ...summary('new'), grid: {}, leftOut: [], runsPerBatch: 1, variables: {}, environmentImages: {}, nextTimes: [] }));
    const store = createJobsStore(new BridgeClient(transport));
    store.getState().open(PROJECT);
    await flush();
    await store.getState().create(PROJECT, 'main.orchest', 'Fresh');
    expect(transport.named('jobs.create')).toEqual([{ projectId: PROJECT, path: 'main.orchest', name: 'Fresh' }]);
    expect(store.getState().jobs.map((j) => j.uuid)).toEqual(['new']);
  });
});

describe('job runs store', () => {
  it('reads one page of 50, filtered; patches a run shown, and re-reads once for runs not on the page', async () => {
    const transport = new FakeTransport().handle('jobs.runs', (input) => {
      const { offset } = input as { offset: number };
      return { total: 120, runs: [run(`r${offset}`, 'STARTED')] };
    });
    const store = createJobRunsStore(new BridgeClient(transport));
    const stop = store.getState().start();
    store.getState().open('j1');
    await flush();
    expect(transport.named('jobs.runs').at(-1)).toEqual({ jobUuid: 'j1', offset: 0, limit: JOB_RUNS_PAGE });
    expect(store.getState()).toMatchObject({ total: 120, offset: 0 });

    store.getState().setOffset(50);
    store.getState().setStatus('FAILURE');
    await flush();
    expect(transport.named('jobs.runs').at(-1)).toEqual({ jobUuid: 'j1', offset: 0, limit: JOB_RUNS_PAGE, status: 'FAILURE' });
    store.getState().setStatus(undefined);
    await flush();

    const reads = transport.named('jobs.runs').length;
    transport.emit('jobs.runChanged', run('r0', 'SUCCESS'));
    expect(store.getState().runs?.[0]?.status).toBe('SUCCESS');
    for (let i = 0; i < 30; i++) transport.emit('jobs.runChanged', run(`new${i}`, 'PENDING'));
    transport.emit('jobs.runChanged', run('x', 'PENDING', 'j2'));
    await vi.advanceTimersByTimeAsync(JOB_RUNS_REFETCH_MS + 10);
    expect(transport.named('jobs.runs').length).toBe(reads + 1);
    stop();
  });
});

describe('job store', () => {
  it('patches the open job from jobs.changed, keeps snapshot progress, and keeps a refused action in words', async () => {
    const details = { ...summary('j1'), grid: {}, leftOut: [], runsPerBatch: 1, variables: {}, environmentImages: {}, nextTimes: [] };
    const conflict = Object.assign(new Error('The environment has no build'), { code: 'NOT_FOUND' });
    const transport = new FakeTransport().handle('jobs.get', () => details).handle('jobs.start', () => {
      throw conflict;
    });
    const store = createJobStore(new BridgeClient(transport));
    const stop = store.getState().start();
    store.getState().open('j1');
    await flush();
    expect(store.getState().job?.name).toBe('job j1');

    transport.emit('jobs.changed', summary('j1', { name: 'renamed', status: 'STARTED' }));
    expect(store.getState().job).toMatchObject({ name: 'renamed', status: 'STARTED', runsPerBatch: 1 });
    transport.emit('jobs.snapshotProgress', { jobUuid: 'j1', phase: 'copying', files: 1, bytes: 2, totalFiles: 3, totalBytes: 4 });
    transport.emit('jobs.snapshotProgress', { jobUuid: 'j2', phase: 'done', files: 1, bytes: 2, totalFiles: 3, totalBytes: 4 });
    expect(store.getState().progress).toMatchObject({ jobUuid: 'j1', phase: 'copying' });

    await store.getState().act('start');
    expect(store.getState()).toMatchObject({ pending: undefined, actionError: 'The job could not start: The environment has no build' });
    transport.emit('jobs.changed', { ...summary('j1'), deleted: true });
    expect(store.getState().error).toBe('The job was deleted');
    stop();
  });
});
