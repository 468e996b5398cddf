// A job run's session, from the pure core of jobs to the engine: the project snapshotted, the run's copy
// with its parameters written in, only the `noninteractive` services started, named by the run, and all
// of it removed at the end. (The job runner that will do this for the app comes next.)
import type Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ownerIdOf } from '../../electron/core/app-home';
import { runParameters } from '../../electron/core/jobs/job-grid';
import { planJobRunSession, runPipelineFileText } from '../../electron/core/jobs/job-plan';
import { JobStore } from '../../electron/core/jobs/job-store';
import { copySnapshot, snapshotProject } from '../../electron/core/jobs/project-snapshot';
import { launchSession, removeSessionResources, type ServiceLogs } from '../../electron/core/sessions/session-launcher';
import { pollUntil } from '../helpers/poll';
import { requireDocker } from '../helpers/require-docker';
import { docker, idleService, labelledResources, removeLabelled } from '../helpers/session-app';
import { makeTempDir } from '../helpers/temp-dir';
import { ensureTestImage } from '../helpers/test-images';

let engine: Docker;
let busybox: string;
let debian: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  engine = await requireDocker();
  [busybox, debian] = await Promise.all([ensureTestImage('busybox'), ensureTestImage('debian')]);
}, 600_000);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const noLogs: ServiceLogs = { beginRun: async () => {}, note: async () => {}, attach: async () => {}, follow: async () => {} };

describe("a job run's session on the Docker engine", () => {
  it('starts only the noninteractive services, on the run\'s copy with its parameters, and removes them', async () => {
    const projectUuid = randomUUID();
    const pipelineUuid = randomUUID();
    const jobUuid = randomUUID();
    const runUuid = randomUUID();
    const { dir, cleanup } = await makeTempDir();
    cleanups.push(cleanup, () => removeLabelled(projectUuid));

    const definition = {
      name: 'main',
      uuid: pipelineUuid,
      version: '1.2.3',
      settings: { auto_eviction: false, data_passing_memory_size: '1GB' },
      parameters: { greeting: 'hello' },
      steps: {},
      services: {
        redis: {
          name: 'redis',
          image: debian,
          scope: ['noninteractive'],
          command: 'redis-server',
          args: '--protected-mode no',
          ports: [6379],
          binds: { '/project-dir': '/project-dir' },
        },
        editor: idleService('editor', busybox, { scope: ['interactive'] }),
      },
    };
    const project = path.join(dir, 'project');
    await fs.mkdir(project);
    await fs.writeFile(path.join(project, 'main.orchest'), runPipelineFileText(definition, {}));
    await fs.writeFile(path.join(project, 'hello.txt'), 'as it was at Start');
    await fs.writeFile(path.join(project, '.gitignore'), 'secret.txt\n');
    await fs.writeFile(path.join(project, 'secret.txt'), 'not for jobs');

    // Start: the snapshot; then a change to the project that the runs must not see.
    const store = new JobStore(() => path.join(dir, 'home'));
    await snapshotProject(project, store.snapshotFolder(jobUuid));
    await fs.writeFile(path.join(project, 'hello.txt'), 'changed after Start');

    // The second run of a grid of two: its own copy, its parameters written into its pipeline file.
    const parameters = runParameters(definition, { 'pipeline.greeting': ['hi', 'ho'] })[1]!;
    const runDir = store.runProjectFolder(jobUuid, runUuid);
    await copySnapshot(store.snapshotFolder(jobUuid), runDir);
    await fs.writeFile(path.join(runDir, 'main.orchest'), runPipelineFileText(definition, parameters));

    const plan = planJobRunSession({
      job: { projectId: projectUuid, pipelineUuid, pipelinePath: 'main.orchest', pipelineDefinition: definition, environmentImages: {} },
      runUuid,
      parameters,
      runProjectDir: runDir,
      owner: ownerIdOf(path.join(dir, 'home')),
      dataDir: path.join(dir, 'data'),
      variables: {},
      appBinds: [],
    });
    cleanups.push(() => removeSessionResources(engine, runUuid, 0));
    await launchSession(engine, { plan, projectId: projectUuid, projectDir: runDir, pipelineUuid }, noLogs, () => {}, async () => {});

    const redis = `redis-${runUuid}`;
    expect(await labelledResources(projectUuid)).toEqual({ containers: [redis], networks: [`orchest-session-${runUuid}`] });
    const inRedis = (command: string) => docker('exec', redis, 'sh', '-c', command);
    expect(await inRedis('printenv ORCHEST_SESSION_TYPE ORCHEST_SESSION_UUID')).toBe(`noninteractive\n${runUuid}`);
    expect(await inRedis('cat /project-dir/hello.txt')).toBe('as it was at Start');
    expect(await inRedis('test -e /project-dir/secret.txt && echo there || echo left out')).toBe('left out');
    expect(JSON.parse(await inRedis('cat /pipeline.json')).parameters).toEqual({ greeting: 'ho' });
    const client = (command: string) => docker('run', '--rm', '--network', `orchest-session-${runUuid}`, debian, 'sh', '-c', command);
    await pollUntil(() => client(`redis-cli -h ${redis} PING || true`), (out) => out === 'PONG', 'Redis answering by its hostname');

    await removeSessionResources(engine, runUuid, 0);
    expect(await labelledResources(projectUuid)).toEqual({ containers: [], networks: [] });
  }, 120_000);
});
