import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobRecord, RunRecord } from '../../../../electron/core/jobs/job-records';
import { runsBeyondRetention } from '../../../../electron/core/jobs/job-retention';
import { JobStore } from '../../../../electron/core/jobs/job-store';
import { makeTempDir } from '../../../helpers/temp-dir';

const JOB = '5d8e1a2b-0000-4000-8000-000000000001';
const runUuid = (i: number) => `7c7c7c7c-0000-4000-8000-${String(i).padStart(12, '0')}`;

const job = (overrides: Partial<JobRecord> = {}): JobRecord => ({
  uuid: JOB,
  name: 'nightly',
  projectId: 'project-1',
  pipelineUuid: 'pipeline-1',
  pipelinePath: 'main.orchest',
  pipelineName: 'main',
  status: 'STARTED',
  schedule: { kind: 'cron', cron: '0 3 * * *' },
  nextScheduledTime: '2026-12-06T03:00:00.000Z',
  lastScheduledTime: null,
  createdAt: '2026-12-05T10:00:00.000Z',
  grid: { 'pipeline.epochs': [1, 2] },
  leftOut: [],
  parameters: [{ pipeline_parameters: { epochs: 1 } }, { pipeline_parameters: { epochs: 2 } }],
  pipelineDefinition: { name: 'main', uuid: 'pipeline-1', steps: {} },
  variableNames: ['TOKEN'],
  environmentImages: { 'env-1': 'orchest-env-env-1:3' },
  maxRetainedRuns: -1,
  batches: 0,
  runsMade: 0,
  snapshot: { files: 3, bytes: 120 },
  ...overrides,
});

const run = (index: number, overrides: Partial<RunRecord> = {}): RunRecord => ({
  uuid: runUuid(index),
  jobUuid: JOB,
  status: 'SUCCESS',
  parameters: { pipeline_parameters: { epochs: index } },
  batch: 0,
  indexInBatch: index,
  runIndex: index,
  createdAt: '2026-12-05T10:00:00.000Z',
  finishedAt: '2026-12-05T10:05:00.000Z',
  steps: {},
  ...overrides,
});

describe('JobStore', () => {
  let home: string;
  let cleanup: () => Promise<void>;
  let store: JobStore;

  beforeEach(async () => {
    ({ dir: home, cleanup } = await makeTempDir());
    store = new JobStore(() => home);
  });
  afterEach(() => cleanup());

  it('lays jobs and runs out as the design says', () => {
    expect(store.jobFolder(JOB)).toBe(path.join(home, 'jobs', JOB));
    expect(store.snapshotFolder(JOB)).toBe(path.join(home, 'jobs', JOB, 'snapshot'));
    expect(store.runProjectFolder(JOB, runUuid(1))).toBe(path.join(home, 'jobs', JOB, 'runs', runUuid(1), 'project'));
    expect(() => store.jobFolder('../elsewhere')).toThrow('"../elsewhere" is not a job or run id');
    expect(() => store.runFolder(JOB, 'a/b')).toThrow('is not a job or run id');
  });

  it('writes a job and its runs and reads them back as they were', async () => {
    await store.writeJob(job());
    await store.writeRun(run(1));
    await store.writeRun(run(0, { status: 'STARTED', finishedAt: undefined, steps: { s1: { status: 'STARTED', startedAt: '2026-12-05T10:01:00.000Z' } } }));
    expect(await store.readJob(JOB)).toEqual(job());
    expect(await store.listJobs()).toEqual({ records: [job()], problems: [] });
    const runs = await store.listRuns(JOB);
    expect(runs.problems).toEqual([]);
    expect(runs.records.map((r) => r.uuid)).toEqual([runUuid(0), runUuid(1)]);
    expect(runs.records[0]!.steps).toEqual({ s1: { status: 'STARTED', startedAt: '2026-12-05T10:01:00.000Z' } });
    // Written through a temp file and a rename: nothing else is left beside it.
    expect((await fs.readdir(store.jobFolder(JOB))).sort()).toEqual(['job.json', 'runs']);
  });

  it('refuses to write a record that is not one', async () => {
    await expect(store.writeJob(job({ maxRetainedRuns: -5 }))).rejects.toThrow();
    await expect(fs.access(store.jobFolder(JOB))).rejects.toThrow();
  });

  it('reports a broken file and reads the others', async () => {
    const other = '5d8e1a2b-0000-4000-8000-000000000002';
    await store.writeJob(job());
    await store.writeJob(job({ uuid: other, createdAt: '2026-12-05T09:00:00.000Z' }));
    await fs.writeFile(path.join(store.jobFolder(JOB), 'job.json'), '{"uuid": "5d8e', 'utf8');
    await fs.mkdir(path.join(store.root, 'stray'));
    await store.writeRun(run(0));
    await fs.writeFile(path.join(store.runFolder(JOB, runUuid(0)), 'run.json'), JSON.stringify({ ...run(0), status: 'RUNNING' }));
    await store.writeRun(run(1));

    const jobs = await store.listJobs();
    expect(jobs.records.map((j) => j.uuid)).toEqual([other]);
    expect(jobs.problems).toEqual([
      { file: path.join(store.root, JOB, 'job.json'), message: expect.stringMatching(/^job\.json is not JSON/) },
      { file: path.join(store.root, 'stray', 'job.json'), message: 'job.json cannot be read (ENOENT)' },
    ]);
    await expect(store.readJob(JOB)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('is not JSON') });
    await expect(store.readJob('5d8e1a2b-0000-4000-8000-000000000009')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const runs = await store.listRuns(JOB);
    expect(runs.records.map((r) => r.uuid)).toEqual([runUuid(1)]);
    expect(runs.problems).toEqual([{ file: expect.stringContaining(runUuid(0)), message: expect.stringMatching(/^run\.json is not a valid record \(status: /) }]);
  });

  it('lists nothing when there are no jobs yet', async () => {
    expect(await store.listJobs()).toEqual({ records: [], problems: [] });
    expect(await store.listRuns(JOB)).toEqual({ records: [], problems: [] });
  });

  it('at app start aborts the runs that were going, because the app stopped, and leaves the others', async () => {
    await store.writeJob(job());
    await store.writeRun(run(0, { status: 'STARTED', finishedAt: undefined }));
    await store.writeRun(run(1, { status: 'PENDING', finishedAt: undefined }));
    await store.writeRun(run(2));
    const aborted = await store.abortInterrupted(new Date('2026-12-06T08:00:00Z'));
    expect(aborted.map((r) => [r.uuid, r.status, r.reason, r.finishedAt])).toEqual([[runUuid(0), 'ABORTED', 'the app stopped', '2026-12-06T08:00:00.000Z']]);
    expect((await store.listRuns(JOB)).records.map((r) => r.status)).toEqual(['ABORTED', 'PENDING', 'SUCCESS']);
    expect(await store.abortInterrupted(new Date())).toEqual([]);
  });

  it('keeps the newest N finished runs and removes the older ones with their folders', async () => {
    await store.writeJob(job({ maxRetainedRuns: 2 }));
    for (let i = 0; i < 5; i++) {
      await store.writeRun(run(i, { status: i === 4 ? 'STARTED' : i === 1 ? 'FAILURE' : 'SUCCESS' }));
      await fs.mkdir(store.runProjectFolder(JOB, runUuid(i)), { recursive: true });
      await fs.writeFile(path.join(store.runProjectFolder(JOB, runUuid(i)), 'out.txt'), 'x');
    }
    const removed = await store.applyRetention(JOB, 2);
    expect(removed.map((r) => r.runIndex)).toEqual([0, 1]);
    expect((await store.listRuns(JOB)).records.map((r) => r.runIndex)).toEqual([2, 3, 4]);
    expect((await fs.readdir(path.join(store.jobFolder(JOB), 'runs'))).sort()).toEqual([runUuid(2), runUuid(3), runUuid(4)]);
  });

  it('removes a job with its snapshot and runs', async () => {
    await store.writeJob(job());
    await store.writeRun(run(0));
    await fs.mkdir(store.snapshotFolder(JOB), { recursive: true });
    await store.removeJob(JOB);
    await expect(fs.access(store.jobFolder(JOB))).rejects.toThrow();
    expect((await store.listJobs()).records).toEqual([]);
  });
});

describe('runsBeyondRetention', () => {
  const runs = [run(0), run(1, { status: 'ABORTED' }), run(2, { status: 'PENDING' }), run(3, { status: 'FAILURE' }), run(4)];

  it('answers the finished runs beyond the newest N, oldest first, never a pending or going one', () => {
    expect(runsBeyondRetention(runs, 2).map((r) => r.runIndex)).toEqual([0, 1]);
    expect(runsBeyondRetention(runs, 0).map((r) => r.runIndex)).toEqual([0, 1, 3, 4]);
    expect(runsBeyondRetention(runs, 4)).toEqual([]);
  });

  it('keeps all with -1', () => {
    expect(runsBeyondRetention(runs, -1)).toEqual([]);
  });
});
