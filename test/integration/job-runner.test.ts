// The job runner on the Docker engine: each run on its own copy of the snapshot with its parameters,
// only the `noninteractive` services started for it and reached through the SDK, the images locked at
// Start (not a later build), and nothing of the run left when it ends, whether it ended or was cancelled.
import type Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerIdOf } from '../../electron/core/app-home';
import { LABELS } from '../../electron/core/docker/labels';
import { newestEnvironmentImage } from '../../electron/core/environments/environment-images';
import { runParameters } from '../../electron/core/jobs/job-grid';
import type { JobRecord, RunRecord } from '../../electron/core/jobs/job-records';
import { JobRunner, runLogKey } from '../../electron/core/jobs/job-runner';
import { JobStore } from '../../electron/core/jobs/job-store';
import { snapshotProject } from '../../electron/core/jobs/project-snapshot';
import { ContainerFiles } from '../../electron/core/sessions/container-files';
import type { SessionRecovery } from '../../electron/core/sessions/session-recovery';
import { closeAppWithEnvironment, startAppWithEnvironment } from '../helpers/environment-builds';
import { writeSteps, type StepUuids } from '../helpers/pipeline-steps';
import { docker, idleService, type SessionApp } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

let current: SessionApp;
let environment: string;
let engine: Docker;
let store: JobStore;
let runner: JobRunner;
let job: JobRecord;
let uuids: StepUuids;
const PIPELINE = 'main.orchest';

/** What a step prints: its parameters, its session, the Redis of its run (PING over a socket) and whether the interactive editor is there. */
const PROBE = [
  'import os, socket, orchest',
  'print("greeting", orchest.get_step_param("greeting"), "alpha", orchest.get_pipeline_param("alpha"))',
  'print("type", os.environ["ORCHEST_SESSION_TYPE"], "session", os.environ["ORCHEST_SESSION_UUID"])',
  'print("hello", open("/project-dir/hello.txt").read())',
  'redis = orchest.get_service("redis")["internal_hostname"]',
  'with socket.create_connection((redis, 6379), timeout=10) as s:',
  '    s.sendall(b"PING\\r\\n"); print("redis", redis, s.recv(16).decode().strip())',
  'try:',
  '    socket.gethostbyname(orchest.get_service("editor")["internal_hostname"]); print("editor there")',
  'except Exception:',
  '    print("no editor")',
].join('\n');

beforeAll(async () => {
  ({ current, environment } = await startAppWithEnvironment('job-runner'));
  engine = await current.app.engine.docker();
  const [busybox, debian] = await Promise.all([ensureTestImage('busybox'), ensureTestImage('debian')]);
  const project = current.project.path;
  await fs.writeFile(path.join(project, 'hello.txt'), 'as it was at Start');
  uuids = await writeSteps(project, PIPELINE, environment, [
    { title: 'probe', file: 'probe.py', source: PROBE, parameters: { greeting: 'default' } },
    { title: 'slow', file: 'slow.sh', source: 'echo slow started; while :; do sleep 1; done\n', after: ['probe'] },
  ]);
  const services = {
    redis: { name: 'redis', image: debian, scope: ['noninteractive'], command: 'redis-server', args: '--protected-mode no', ports: [6379] },
    editor: idleService('editor', busybox, { scope: ['interactive'] }),
  };
  const definition = JSON.parse(await fs.readFile(path.join(project, PIPELINE), 'utf8')) as Record<string, unknown>;
  Object.assign(definition, { services, parameters: { alpha: 0.5 } });

  store = new JobStore(() => path.join(current.home, 'jobs-test'));
  const jobUuid = randomUUID();
  await snapshotProject(project, store.snapshotFolder(jobUuid));
  const locked = (await newestEnvironmentImage(engine, current.project.uuid, environment))!;
  job = {
    uuid: jobUuid,
    name: 'grid',
    projectId: current.project.uuid,
    pipelineUuid: definition.uuid as string,
    pipelinePath: PIPELINE,
    pipelineName: 'main',
    status: 'STARTED',
    schedule: { kind: 'now' },
    nextScheduledTime: null,
    lastScheduledTime: null,
    createdAt: new Date().toISOString(),
    grid: {},
    leftOut: [],
    parameters: [],
    pipelineDefinition: definition,
    variableNames: [],
    environmentImages: { [environment]: locked },
    maxRetainedRuns: -1,
    batches: 1,
    runsMade: 0,
    snapshot: null,
  };
  runner = new JobRunner({
    docker: () => current.app.engine.docker(),
    store,
    owner: ownerIdOf(current.home),
    dataDir: () => path.join(current.workspace, 'data'),
    containerFiles: new ContainerFiles(current.home),
    variables: async () => ({}),
    proxyOrigin: () => undefined,
  });
  // After Start: the project changes, and a newer build of the environment (busybox, no Python) appears.
  await fs.writeFile(path.join(project, 'hello.txt'), 'changed after Start');
  const [repository, tag] = locked.split(':');
  await docker('tag', busybox, `${repository}:${Number(tag) + 1}`);
}, 900_000);

afterAll(() => closeAppWithEnvironment(current));

function newRun(parameters: RunRecord['parameters'], index: number): RunRecord {
  return { uuid: randomUUID(), jobUuid: job.uuid, status: 'PENDING', parameters, batch: 0, indexInBatch: index, runIndex: index, createdAt: new Date().toISOString(), steps: {} };
}

async function stepLog(run: RunRecord, step: string): Promise<string> {
  const page = await runner.logs.read({ projectId: runLogKey(job.uuid, run.uuid), pipelineUuid: job.pipelineUuid, source: step }, { count: 1000 });
  return page.lines.map((line) => line.text).join('\n');
}

const leftOf = async (run: RunRecord) => ({
  containers: await docker('ps', '-a', '-q', '--filter', `label=${LABELS.session}=${run.uuid}`),
  networks: await docker('network', 'ls', '-q', '--filter', `label=${LABELS.session}=${run.uuid}`),
});

describe('the job runner', () => {
  it('carries out each run of a grid on its own copy, with its services and the locked image, and leaves nothing', async () => {
    const rows = runParameters(job.pipelineDefinition as never, { [`${uuids.probe}.greeting`]: ['hi', 'ho'] });
    for (const [index, parameters] of rows.entries()) {
      const changes: RunRecord[] = [];
      const run = newRun(parameters, index);
      const slowStopped = new AbortController();
      // The slow step runs until the run is cancelled: the run ends ABORTED, the probe's success kept.
      const done = runner.carryOut({ job, run, signal: slowStopped.signal, onChange: (changed) => changes.push(changed) });
      await expect.poll(() => stepLog(run, uuids.slow!), { timeout: 120_000 }).toContain('slow started');
      if (index === 0) {
        // The app taking its sessions back (after a restart, or the engine away and back) leaves a job run alone.
        await (current.app as unknown as { recovery: SessionRecovery }).recovery.recover(engine);
        expect((await leftOf(run)).containers.split('\n')).toHaveLength(2); // redis and the slow step
        expect(await current.request('sessions.get', { projectId: current.project.uuid, path: PIPELINE })).toMatchObject({ status: 'STOPPED' });
      }
      slowStopped.abort();
      const finished = await done;

      expect(finished.status).toBe('ABORTED');
      expect(finished.steps[uuids.probe!]?.status).toBe('SUCCESS');
      expect(finished.steps[uuids.slow!]?.status).toBe('ABORTED');
      expect(changes.map((c) => c.status)).toContain('STARTED');
      const log = await stepLog(run, uuids.probe!);
      expect(log).toContain(`greeting ${['hi', 'ho'][index]} alpha 0.5`);
      expect(log).toContain(`type noninteractive session ${run.uuid}`);
      expect(log).toContain('hello as it was at Start');
      expect(log).toContain(`redis redis-${run.uuid} +PONG`);
      expect(log).toContain('no editor');
      // Its copy holds the pipeline with its parameters; the project's own file is untouched.
      const copy = JSON.parse(await fs.readFile(path.join(store.runProjectFolder(job.uuid, run.uuid), PIPELINE), 'utf8'));
      expect(copy.steps[uuids.probe!].parameters.greeting).toBe(['hi', 'ho'][index]);
      expect(await leftOf(run)).toEqual({ containers: '', networks: '' });
    }
  }, 600_000);

  it('ends a run whose service cannot start as FAILURE with the reason, and removes what it made', async () => {
    const broken = { ...job, pipelineDefinition: { ...job.pipelineDefinition, services: { redis: { name: 'redis', image: 'orchest-desktop-test/none:0', scope: ['noninteractive'] } } } };
    const run = newRun({}, 0);
    const finished = await runner.carryOut({ job: broken, run, signal: new AbortController().signal, onChange: () => undefined });
    expect(finished.status).toBe('FAILURE');
    expect(finished.reason).toMatch(/redis/);
    expect(Object.values(finished.steps).map((s) => s.status)).toEqual(['ABORTED', 'ABORTED']);
    expect(await leftOf(run)).toEqual({ containers: '', networks: '' });
  }, 300_000);
});
