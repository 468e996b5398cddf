import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobRun, JobSummary, PipelineDefinition } from '../../../../electron/contract';
import { JobManager, type JobManagerOptions } from '../../../../electron/core/jobs/job-manager';
import type { JobRecord, RunRecord } from '../../../../electron/core/jobs/job-records';
import type { JobRunRequest } from '../../../../electron/core/jobs/job-run-types';
import { APP_STOPPED_REASON } from '../../../../electron/core/jobs/job-states';
import { JobStore } from '../../../../electron/core/jobs/job-store';
import { JobVariables } from '../../../../electron/core/jobs/job-variables';
import { makeTempDir } from '../../../helpers/temp-dir';

const PROJECT = '11111111-2222-4333-8444-555555555555';
const STEP = 'step-uuid-1';

const definition: PipelineDefinition = {
  uuid: 'pipeline-1',
  name: 'main',
  version: '1.2.3',
  parameters: { epochs: 1 },
  steps: {
    [STEP]: { uuid: STEP, title: 'train', file_path: 'train.py', environment: 'env-1', parameters: { rate: 0.1, fail: false } },
  },
  services: {},
};

/**
 * A stand-in for the job runner: each run goes PENDING -> STARTED and waits until the test lets it end
 * (SUCCESS, or FAILURE when its step's `fail` parameter is true), or ends ABORTED when cancelled.
 */
class FakeRunner {
  readonly started: string[] = [];
  readonly gates = new Map<string, () => void>();
  going = 0;
  mostAtOnce = 0;
  auto = false;
  stepUpdates = 0;

  readonly carryOut = async ({ run, signal, onChange }: JobRunRequest): Promise<RunRecord> => {
    this.started.push(run.uuid);
    this.going++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.going);
    let current: RunRecord = { ...run, status: 'STARTED', startedAt: new Date().toISOString() };
    onChange(current);
    for (let i = 0; i < this.stepUpdates; i++) {
      current = { ...current, steps: { [STEP]: { status: 'STARTED', message: `line ${i}` } } };
      onChange(current);
    }
    const ended = await new Promise<'done' | 'aborted'>((resolve) => {
      if (signal.aborted) return resolve('aborted');
      signal.addEventListener('abort', () => resolve('aborted'), { once: true });
      this.gates.set(run.uuid, () => resolve('done'));
      if (this.auto) resolve('done');
    });
    this.going--;
    this.gates.delete(run.uuid);
    const failed = (run.parameters[STEP] as { fail?: boolean } | undefined)?.fail === true;
    const status = ended === 'aborted' ? 'ABORTED' : failed ? 'FAILURE' : 'SUCCESS';
    return { ...current, status, finishedAt: new Date().toISOString(), ...(ended === 'aborted' ? { reason: 'Cancelled' } : {}) };
  };

  /** Lets every run that is going end. */
  releaseAll(): void {
    for (const release of [...this.gates.values()]) release();
  }
}

function memorySecrets() {
  let document: unknown;
  return { read: async () => document, write: async (next: unknown) => void (document = structuredClone(next)) };
}

let home: string;
let cleanup: () => Promise<void>;
let projectDir: string;
let clock: { now: Date };
let runner: FakeRunner;
let store: JobStore;
let managers: JobManager[];
let jobEvents: Array<JobSummary & { deleted?: boolean }>;
let runEvents: JobRun[];
let images: Record<string, string | undefined>;
let removed: string[];

beforeEach(async () => {
  ({ dir: home, cleanup } = await makeTempDir('od-job-manager-'));
  projectDir = path.join(home, 'project');
  await fs.mkdir(path.join(projectDir, 'data'), { recursive: true });
  await fs.writeFile(path.join(projectDir, 'train.py'), 'print("train")\n');
  await fs.writeFile(path.join(projectDir, '.gitignore'), 'data/\n');
  await fs.writeFile(path.join(projectDir, 'data', 'big.bin'), 'x'.repeat(1000));
  clock = { now: new Date('2026-12-05T12:00:00.000Z') };
  runner = new FakeRunner();
  store = new JobStore(() => home);
  managers = [];
  jobEvents = [];
  runEvents = [];
  images = { 'env-1': 'orchest-env-p-env-1:3' };
  removed = [];
});

afterEach(async () => {
  runner.auto = true;
  runner.releaseAll();
  for (const manager of managers) await manager.dispose();
  await cleanup();
});

function makeManager(overrides: Partial<JobManagerOptions> = {}, secrets = memorySecrets()): JobManager {
  const manager = new JobManager({
    store,
    variables: new JobVariables(secrets),
    carryOut: runner.carryOut,
    now: () => clock.now,
    pipeline: async () => ({ definition: structuredClone(definition) }),
    projectFolder: async () => projectDir,
    effectiveVariables: async () => ({ TOKEN: 'from-project', LEVEL: 'pipeline' }),
    newestImage: async (_projectId, env) => images[env],
    environmentName: async () => 'Python env',
    removeRunResources: async (runUuid) => void removed.push(runUuid),
    onJobChanged: (job) => jobEvents.push(job),
    onRunChanged: (run) => runEvents.push(run),
    schedulerIntervalMs: 3_600_000,
    writeDelayMs: 20,
    ...overrides,
  });
  managers.push(manager);
  return manager;
}

async function runsOnDisk(jobUuid: string): Promise<RunRecord[]> {
  return (await store.listRuns(jobUuid)).records;
}

async function waitForJob(manager: JobManager, jobUuid: string, status: string): Promise<void> {
  await vi.waitFor(async () => expect((await manager.get(jobUuid)).status).toBe(status), { timeout: 3000 });
}

const grid2x3 = { 'pipeline.epochs': [1, 2], 'train.rate': [0.1, 0.2, 0.3] };

describe('JobManager', () => {
  it('makes a draft whose variables start as the project\'s and pipeline\'s, with grid keys by step uuid', async () => {
    const manager = makeManager();
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'sweep', grid: grid2x3, variables: { EXTRA: '1' } });
    expect(job).toMatchObject({ status: 'DRAFT', runsPerBatch: 6, schedule: { kind: 'now' }, snapshot: null });
    expect(job.grid).toEqual({ 'pipeline.epochs': [1, 2], [`${STEP}.rate`]: [0.1, 0.2, 0.3] });
    expect(job.variables).toEqual({ TOKEN: 'from-project', LEVEL: 'pipeline', EXTRA: '1' });
    expect((await store.readJob(job.uuid)).variableNames).toEqual(['EXTRA', 'LEVEL', 'TOKEN']);
    const updated = await manager.update(job.uuid, { leftOut: [0], name: 'sweep 2', variables: { ONLY: 'x' } });
    expect(updated).toMatchObject({ name: 'sweep 2', runsPerBatch: 5, variables: { ONLY: 'x' } });
    await expect(manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'bad', grid: { 'train.nope': [1] } })).rejects.toThrow(/no parameter "nope"/);
  });

  it('starts a grid job: snapshot without ignored files, locked images, one run per row, one at a time by default', async () => {
    const progress: string[] = [];
    const manager = makeManager({ onSnapshotProgress: (p) => progress.push(p.phase) });
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'sweep', grid: grid2x3 });
    const started = await manager.start(job.uuid);
    expect(started.status).toBe('STARTED');
    expect(progress[0]).toBe('measuring');
    expect(progress.at(-1)).toBe('done');
    const snapshot = store.snapshotFolder(job.uuid);
    expect(await fs.readFile(path.join(snapshot, 'train.py'), 'utf8')).toContain('train');
    await expect(fs.access(path.join(snapshot, 'data'))).rejects.toThrow();
    const record = await store.readJob(job.uuid);
    expect(record.environmentImages).toEqual({ 'env-1': 'orchest-env-p-env-1:3' });
    expect(record.parameters).toHaveLength(6);
    expect(record.snapshot).toEqual({ files: 2, bytes: expect.any(Number) });

    expect(await runsOnDisk(job.uuid)).toHaveLength(6);
    for (let i = 0; i < 6; i++) {
      await vi.waitFor(() => expect(runner.gates.size).toBe(1));
      runner.releaseAll();
      await vi.waitFor(() => expect(runner.started).toHaveLength(Math.min(6, i + 2)));
    }
    await waitForJob(manager, job.uuid, 'SUCCESS');
    expect(runner.mostAtOnce).toBe(1);
    const runs = await runsOnDisk(job.uuid);
    expect(runs.map((r) => r.status)).toEqual(Array(6).fill('SUCCESS'));
    expect(runs.map((r) => [r.parameters.pipeline_parameters!.epochs, r.parameters[STEP]!.rate])).toEqual([
      [1, 0.1], [1, 0.2], [1, 0.3], [2, 0.1], [2, 0.2], [2, 0.3],
    ]);
    expect(jobEvents.at(-1)).toMatchObject({ uuid: job.uuid, status: 'SUCCESS', runCounts: { SUCCESS: 6 } });
    const page = await manager.listRuns(job.uuid, 'SUCCESS', 1, 2);
    expect(page.total).toBe(6);
    expect(page.runs.map((r) => r.runIndex)).toEqual([4, 3]);
  });

  it('carries out at most N runs at once and the rest wait PENDING', async () => {
    const manager = makeManager({ parallelRuns: () => 2 });
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'sweep', grid: grid2x3 });
    await manager.start(job.uuid);
    await vi.waitFor(() => expect(runner.gates.size).toBe(2));
    const { runs } = await manager.listRuns(job.uuid, 'PENDING', 0, 100);
    expect(runs).toHaveLength(4);
    runner.auto = true;
    runner.releaseAll();
    await waitForJob(manager, job.uuid, 'SUCCESS');
    expect(runner.mostAtOnce).toBe(2);
  });

  it('ends a one-off job FAILURE when a run fails', async () => {
    runner.auto = true;
    const manager = makeManager();
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'sweep', grid: { 'train.fail': [false, true] } });
    await manager.start(job.uuid);
    await waitForJob(manager, job.uuid, 'FAILURE');
    expect((await runsOnDisk(job.uuid)).map((r) => r.status)).toEqual(['SUCCESS', 'FAILURE']);
  });

  it('cancels one run, then the whole job: pending runs end ABORTED at once, the going one is stopped', async () => {
    const manager = makeManager();
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'sweep', grid: grid2x3 });
    await manager.start(job.uuid);
    await vi.waitFor(() => expect(runner.gates.size).toBe(1));
    const pending = (await manager.listRuns(job.uuid, 'PENDING', 0, 100)).runs;
    await manager.cancel(job.uuid, pending[0]!.uuid);
    expect((await manager.run(job.uuid, pending[0]!.uuid)).status).toBe('ABORTED');
    expect((await manager.listRuns(job.uuid, 'PENDING', 0, 100)).total).toBe(4);

    const cancelled = await manager.cancel(job.uuid);
    expect(cancelled.status).toBe('ABORTED');
    expect((await manager.listRuns(job.uuid, 'PENDING', 0, 100)).total).toBe(0);
    await vi.waitFor(async () => expect((await runsOnDisk(job.uuid)).map((r) => r.status)).toEqual(Array(6).fill('ABORTED')));
    expect(runner.started).toHaveLength(1);
    await expect(manager.cancel(job.uuid)).rejects.toThrow(/ABORTED cannot be cancelled/);
  });

  it('fires a cron job on its schedule; pause, run now and resume', async () => {
    runner.auto = true;
    const manager = makeManager();
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'nightly', schedule: { kind: 'cron', cron: '*/5 * * * *' } });
    expect(job.nextTimes).toEqual(['2026-12-05T12:05:00.000Z', '2026-12-05T12:10:00.000Z', '2026-12-05T12:15:00.000Z']);
    const started = await manager.start(job.uuid);
    expect(started).toMatchObject({ status: 'PENDING', nextScheduledTime: '2026-12-05T12:05:00.000Z' });
    await manager.checkSchedules();
    expect(runner.started).toHaveLength(0);

    clock.now = new Date('2026-12-05T12:05:30.000Z');
    await manager.checkSchedules();
    await vi.waitFor(() => expect(runner.started).toHaveLength(1));
    expect(await manager.get(job.uuid)).toMatchObject({ status: 'STARTED', batches: 1, nextScheduledTime: '2026-12-05T12:10:00.000Z', lastScheduledTime: '2026-12-05T12:05:30.000Z' });

    const pausedJob = await manager.pause(job.uuid);
    expect(pausedJob).toMatchObject({ status: 'PAUSED', nextScheduledTime: null });
    clock.now = new Date('2026-12-05T12:20:00.000Z');
    await manager.checkSchedules();
    expect(runner.started).toHaveLength(1);

    await manager.runNow(job.uuid);
    await vi.waitFor(() => expect(runner.started).toHaveLength(2));
    expect((await manager.get(job.uuid)).status).toBe('PAUSED');

    const resumedJob = await manager.resume(job.uuid);
    expect(resumedJob).toMatchObject({ status: 'STARTED', nextScheduledTime: '2026-12-05T12:25:00.000Z' });
    await manager.checkSchedules();
    expect(runner.started).toHaveLength(2); // nothing missed while paused fires
    await vi.waitFor(async () => expect((await manager.get(job.uuid)).runCounts.SUCCESS).toBe(2));
    expect((await manager.get(job.uuid)).status).toBe('STARTED'); // a cron job goes on
    await expect(manager.resume(job.uuid)).rejects.toThrow(/only a paused job/);
  });

  it('runs a job at its time once, and a live cron job can be edited (its grid applies to the frozen pipeline)', async () => {
    runner.auto = true;
    const manager = makeManager();
    const once = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'later', schedule: { kind: 'at', time: '2026-12-05T13:00:00.000Z' } });
    expect(await manager.start(once.uuid)).toMatchObject({ status: 'PENDING', nextScheduledTime: '2026-12-05T13:00:00.000Z', scheduleText: 'Once at 2026-12-05T13:00:00.000Z' });
    await manager.checkSchedules();
    expect(runner.started).toHaveLength(0);
    clock.now = new Date('2026-12-05T13:00:01.000Z');
    await manager.checkSchedules();
    await waitForJob(manager, once.uuid, 'SUCCESS');
    expect((await manager.get(once.uuid)).nextScheduledTime).toBeNull();
    await expect(manager.update(once.uuid, { name: 'x' })).rejects.toThrow(/SUCCESS cannot be changed/);

    const cron = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'nightly', schedule: { kind: 'cron', cron: '0 3 * * *' } });
    await manager.start(cron.uuid);
    const edited = await manager.update(cron.uuid, { grid: { 'train.rate': [1, 2, 3] }, schedule: { kind: 'cron', cron: '30 * * * *' } });
    expect(edited).toMatchObject({ runsPerBatch: 3, nextScheduledTime: '2026-12-05T13:30:00.000Z', grid: { [`${STEP}.rate`]: [1, 2, 3] } });
    await expect(manager.update(cron.uuid, { schedule: { kind: 'now' } })).rejects.toThrow(/keeps a cron schedule/);
  });

  it('keeps the newest N finished runs, removing the oldest with their folders', async () => {
    runner.auto = true;
    const manager = makeManager();
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'sweep', grid: { 'pipeline.epochs': [1, 2, 3, 4] }, maxRetainedRuns: 2 });
    await manager.start(job.uuid);
    await waitForJob(manager, job.uuid, 'SUCCESS');
    await vi.waitFor(async () => expect((await runsOnDisk(job.uuid)).map((r) => r.runIndex)).toEqual([2, 3]));
    expect((await manager.listRuns(job.uuid, undefined, 0, 10)).runs.map((r) => r.runIndex)).toEqual([3, 2]);
  });

  it('writes a run that changes often only a few times', async () => {
    runner.auto = true;
    runner.stepUpdates = 1000;
    const writeRun = vi.spyOn(store, 'writeRun');
    const manager = makeManager({ writeDelayMs: 10_000 });
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'chatty' });
    await manager.start(job.uuid);
    await waitForJob(manager, job.uuid, 'SUCCESS');
    expect(writeRun.mock.calls.length).toBeLessThanOrEqual(3);
    expect((await runsOnDisk(job.uuid))[0]).toMatchObject({ status: 'SUCCESS', steps: { [STEP]: { message: 'line 999' } } });
  });

  it('refuses to start when an environment has no build, naming it, and stays a draft', async () => {
    images = {};
    const manager = makeManager();
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'sweep' });
    await expect(manager.start(job.uuid)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining("'Python env' has no successful build") });
    expect((await manager.get(job.uuid)).status).toBe('DRAFT');
    await expect(fs.access(store.snapshotFolder(job.uuid))).rejects.toThrow();
  });

  it('refuses to start a pipeline that breaks the rules, saying which, as a session refuses its services', async () => {
    const issues = [{ path: 'services.web.exposed', message: 'is required and must be true or false' }];
    const manager = makeManager({ pipeline: async () => ({ definition: structuredClone(definition), issues }) });
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'sweep' });
    await expect(manager.start(job.uuid)).rejects.toMatchObject({
      code: 'PIPELINE_INVALID',
      message: 'Fix the pipeline before starting a job of it: services.web.exposed: is required and must be true or false',
    });
    expect((await manager.get(job.uuid)).status).toBe('DRAFT');
  });

  it('at app start aborts the runs that were going ("the app stopped"), removes their containers, and carries on with pending ones', async () => {
    const job: JobRecord = {
      uuid: 'job-1', name: 'sweep', projectId: PROJECT, pipelineUuid: 'pipeline-1', pipelinePath: 'main.orchest', pipelineName: 'main',
      status: 'STARTED', schedule: { kind: 'now' }, nextScheduledTime: null, lastScheduledTime: '2026-12-05T11:00:00.000Z',
      createdAt: '2026-12-05T11:00:00.000Z', grid: {}, leftOut: [], parameters: [{ pipeline_parameters: { epochs: 1 } }],
      pipelineDefinition: definition, variableNames: [], environmentImages: { 'env-1': 'img:1' }, maxRetainedRuns: -1,
      batches: 1, runsMade: 2, snapshot: { files: 1, bytes: 1 },
    };
    await store.writeJob(job);
    const run = (uuid: string, status: RunRecord['status'], runIndex: number): RunRecord => ({
      uuid, jobUuid: 'job-1', status, parameters: { pipeline_parameters: { epochs: 1 } }, batch: 0, indexInBatch: runIndex, runIndex, createdAt: job.createdAt, steps: {},
    });
    await store.writeRun(run('run-going', 'STARTED', 0));
    await store.writeRun(run('run-waiting', 'PENDING', 1));
    runner.auto = true;
    const manager = makeManager();
    await manager.recover();
    expect(removed).toEqual(['run-going']);
    expect(await manager.run('job-1', 'run-going')).toMatchObject({ status: 'ABORTED', reason: APP_STOPPED_REASON });
    await waitForJob(manager, 'job-1', 'FAILURE');
    expect(await manager.run('job-1', 'run-waiting')).toMatchObject({ status: 'SUCCESS' });
  });

  it('fires a cron job that missed several times while the app was closed once', async () => {
    const job: JobRecord = {
      uuid: 'cron-1', name: 'nightly', projectId: PROJECT, pipelineUuid: 'pipeline-1', pipelinePath: 'main.orchest', pipelineName: 'main',
      status: 'STARTED', schedule: { kind: 'cron', cron: '0 * * * *' }, nextScheduledTime: '2026-12-05T08:00:00.000Z', lastScheduledTime: '2026-12-05T07:00:00.000Z',
      createdAt: '2026-12-05T06:00:00.000Z', grid: {}, leftOut: [], parameters: [{ pipeline_parameters: { epochs: 1 } }],
      pipelineDefinition: definition, variableNames: [], environmentImages: { 'env-1': 'img:1' }, maxRetainedRuns: -1,
      batches: 1, runsMade: 0, snapshot: { files: 1, bytes: 1 },
    };
    await store.writeJob(job);
    runner.auto = true;
    const manager = makeManager();
    await manager.recover();
    await manager.checkSchedules();
    await vi.waitFor(() => expect(runner.started).toHaveLength(1));
    expect(await manager.get('cron-1')).toMatchObject({ batches: 2, nextScheduledTime: '2026-12-05T13:00:00.000Z' });
    await manager.checkSchedules();
    expect(runner.started).toHaveLength(1);
  });

  it('duplicates a job as a draft with the same settings and variables, and deletes jobs, releasing images no job locks', async () => {
    runner.auto = true;
    const manager = makeManager();
    const cron = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'nightly', schedule: { kind: 'cron', cron: '0 3 * * *' }, grid: grid2x3, leftOut: [5], variables: { A: '1' } });
    await manager.start(cron.uuid);
    const copy = await manager.duplicate(cron.uuid);
    expect(copy).toMatchObject({ status: 'DRAFT', name: 'nightly', grid: cron.grid, leftOut: [5], runsPerBatch: 5, variables: cron.variables, snapshot: null, environmentImages: {} });
    expect(copy.uuid).not.toBe(cron.uuid);
    expect(await manager.lockedImages()).toEqual(new Set(['orchest-env-p-env-1:3']));

    await manager.start(copy.uuid);
    expect(await manager.delete(cron.uuid)).toEqual({ releasedImages: [] }); // the copy still locks it
    await expect(fs.access(store.jobFolder(cron.uuid))).rejects.toThrow();
    expect(jobEvents.at(-1)).toMatchObject({ uuid: cron.uuid, deleted: true });
    await expect(manager.get(cron.uuid)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await manager.delete(copy.uuid)).toEqual({ releasedImages: ['orchest-env-p-env-1:3'] });
    expect(await manager.lockedImages()).toEqual(new Set());
    expect(await manager.list(PROJECT)).toEqual([]);
  });

  it('deletes a job whose run is going: the run is stopped first', async () => {
    const manager = makeManager();
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'sweep', grid: grid2x3 });
    await manager.start(job.uuid);
    await vi.waitFor(() => expect(runner.gates.size).toBe(1));
    await manager.delete(job.uuid);
    expect(runner.gates.size).toBe(0);
    await expect(fs.access(store.jobFolder(job.uuid))).rejects.toThrow();
  });

  it('on dispose stops the going runs, which end ABORTED because the app stopped', async () => {
    const manager = makeManager();
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'sweep' });
    await manager.start(job.uuid);
    await vi.waitFor(() => expect(runner.gates.size).toBe(1));
    await manager.dispose();
    expect((await runsOnDisk(job.uuid))[0]).toMatchObject({ status: 'ABORTED', reason: APP_STOPPED_REASON });
  });

  it('previews the grid\'s rows and the snapshot\'s size before Start', async () => {
    const manager = makeManager();
    const preview = await manager.preview(PROJECT, 'main.orchest', grid2x3, [1]);
    expect(preview.rows).toHaveLength(6);
    expect(preview.rows[1]).toMatchObject({ index: 1, leftOut: true });
    expect(preview.runs).toBe(5);
    expect(preview.snapshot).toMatchObject({ files: 2, large: false });
  });
});

describe('JobManager: the frozen pipeline and a run\'s copy', () => {
  it('gives no pipeline for a draft, the pipeline frozen at Start after it (a later change of the file does not reach it)', async () => {
    let current: PipelineDefinition = structuredClone(definition);
    const manager = makeManager({ pipeline: async () => ({ definition: structuredClone(current) }) });
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'nightly', schedule: { kind: 'cron', cron: '0 3 * * *' } });
    expect(job.pipelineDefinition).toBeNull();
    await manager.start(job.uuid);
    current = { ...structuredClone(definition), steps: {} };
    expect((await manager.get(job.uuid)).pipelineDefinition).toEqual(definition);
  });

  it('answers the folder of a kept run\'s copy, NOT_FOUND for a run the job does not have', async () => {
    runner.auto = true;
    const manager = makeManager();
    const job = await manager.create({ projectId: PROJECT, path: 'main.orchest', name: 'now' });
    await manager.start(job.uuid);
    await waitForJob(manager, job.uuid, 'SUCCESS');
    const [run] = (await manager.listRuns(job.uuid, undefined, 0, 10)).runs;
    expect(await manager.runProjectFolder(job.uuid, run!.uuid)).toBe(store.runProjectFolder(job.uuid, run!.uuid));
    await expect(manager.runProjectFolder(job.uuid, 'no-such-run')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
