// Jobs through the app's bridge on the Docker engine: a grid's runs each reading their own parameters,
// their logs read back through the logs' requests, a run at a time a few seconds ahead, retention, a cron
// job firing at a real minute, and a job variable reaching a step.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetails, JobRun, JobSummary, LogPage } from '../../electron/contract';
import { closeAppWithEnvironment, startAppWithEnvironment } from '../helpers/environment-builds';
import { writeSteps, type StepUuids } from '../helpers/pipeline-steps';
import { docker, type SessionApp } from '../helpers/session-app';
import { LABELS } from '../../electron/core/docker/labels';

let current: SessionApp;
let environment: string;
let uuids: StepUuids;
const PIPELINE = 'main.orchest';

const SOURCE = [
  'import os, orchest',
  'print("a", orchest.get_step_param("a"), "b", orchest.get_pipeline_param("b"), "secret", os.environ.get("JOB_SECRET"))',
].join('\n');

beforeAll(async () => {
  ({ current, environment } = await startAppWithEnvironment('jobs'));
  uuids = await writeSteps(current.project.path, PIPELINE, environment, [{ title: 'read', file: 'read.py', source: SOURCE, parameters: { a: 0 } }], {
    parameters: { b: 'none' },
  });
}, 900_000);

afterAll(() => closeAppWithEnvironment(current));

const request = <T>(name: string, input: unknown) => current.request(name, input) as Promise<T>;

async function create(name: string, extra: Record<string, unknown> = {}): Promise<JobDetails> {
  return request<JobDetails>('jobs.create', { projectId: current.project.uuid, path: PIPELINE, name, ...extra });
}

async function ended(jobUuid: string, timeout = 240_000): Promise<JobDetails> {
  await expect.poll(async () => (await request<JobDetails>('jobs.get', { jobUuid })).status, { timeout, interval: 250 }).toMatch(/^(SUCCESS|FAILURE|ABORTED)$/);
  return request<JobDetails>('jobs.get', { jobUuid });
}

async function runsOf(jobUuid: string): Promise<JobRun[]> {
  return (await request<{ runs: JobRun[] }>('jobs.runs', { jobUuid, limit: 500 })).runs;
}

async function runLog(jobUuid: string, runUuid: string): Promise<string> {
  const page = await request<LogPage>('logs.read', { projectId: current.project.uuid, path: PIPELINE, jobRun: { jobUuid, runUuid }, source: uuids.read, count: 100 });
  return page.lines.map((line) => line.text).join('\n');
}

describe('jobs', () => {
  it('runs a 2×3 grid as 6 runs, each step reading its own parameters and the job variable, and leaves nothing in Docker', async () => {
    const job = await create('grid', {
      grid: { [`${uuids.read}.a`]: [1, 2], 'pipeline.b': ['x', 'y', 'z'] },
      variables: { JOB_SECRET: 'kept in the secret store' },
    });
    expect(job.status).toBe('DRAFT');
    const started = await request<JobSummary>('jobs.start', { jobUuid: job.uuid });
    expect(started.status).toMatch(/^(STARTED|SUCCESS)$/);
    expect((await ended(job.uuid)).status).toBe('SUCCESS');

    const runs = await runsOf(job.uuid);
    expect(runs.map((run) => run.status)).toEqual(Array(6).fill('SUCCESS'));
    const printed = await Promise.all(runs.map((run) => runLog(job.uuid, run.uuid)));
    const pairs = printed.map((log) => /a (\d) b (\w) secret kept in the secret store/.exec(log)?.slice(1).join('')).sort();
    expect(pairs).toEqual(['1x', '1y', '1z', '2x', '2y', '2z']);
    expect(await docker('ps', '-a', '-q', '--filter', `label=${LABELS.project}=${current.project.uuid}`)).toBe('');
    // The variable's value is in the secret store, not in the job's file.
    const jobFile = await fs.readFile(path.join(current.home, 'jobs', job.uuid, 'job.json'), 'utf8');
    expect(jobFile).not.toContain('kept in the secret store');
  }, 300_000);

  it('runs at a time a few seconds ahead, and keeps only the newest runs it is told to keep', async () => {
    const at = new Date(Date.now() + 3_000).toISOString();
    const job = await create('later', { schedule: { kind: 'at', time: at }, grid: { [`${uuids.read}.a`]: [1, 2, 3, 4] }, maxRetainedRuns: 2 });
    expect((await request<JobSummary>('jobs.start', { jobUuid: job.uuid })).status).toBe('PENDING');
    const done = await ended(job.uuid);
    expect(done.status).toBe('SUCCESS');
    expect(new Date((await runsOf(job.uuid)).at(-1)!.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(at).getTime());
    const kept = await runsOf(job.uuid);
    expect(kept).toHaveLength(2);
    expect(kept.map((run) => run.parameters[uuids.read!]?.a).sort()).toEqual([3, 4]);
  }, 300_000);

  it('fires a cron job at the next minute, and pauses it', async () => {
    const job = await create('every minute', { schedule: { kind: 'cron', cron: '* * * * *' } });
    expect(job.nextTimes).toHaveLength(3);
    await request('jobs.start', { jobUuid: job.uuid });
    await expect.poll(async () => (await runsOf(job.uuid)).filter((run) => run.status === 'SUCCESS').length, { timeout: 150_000, interval: 1_000 }).toBe(1);
    expect((await request<JobSummary>('jobs.pause', { jobUuid: job.uuid })).status).toBe('PAUSED');
    await request('jobs.delete', { jobUuid: job.uuid });
    await expect(request('jobs.get', { jobUuid: job.uuid })).rejects.toThrow(/NOT_FOUND/);
  }, 200_000);
});
