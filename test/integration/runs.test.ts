import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineRun } from '../../electron/contract';
import { LABELS } from '../../electron/core/docker/labels';
import { closeAppWithEnvironment, startAppWithEnvironment } from '../helpers/environment-builds';
import { notebook, writeSteps, type StepFile } from '../helpers/pipeline-steps';
import { docker, type SessionApp } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

let current: SessionApp;
let environment: string;
const PIPELINE = 'main.orchest';

async function run(steps: StepFile[], extra: Record<string, unknown> = {}, input: Record<string, unknown> = {}) {
  const uuids = await writeSteps(current.project.path, PIPELINE, environment, steps, extra);
  const result = (await current.request('runs.start', { projectId: current.project.uuid, path: PIPELINE, wait: true, ...input })) as PipelineRun;
  const byTitle = Object.fromEntries(result.steps.map((s) => [s.title, s]));
  return { run: result, uuids, byTitle };
}

async function stepLog(stepUuid: string): Promise<string> {
  const page = await current.app.logs.read({ projectId: current.project.uuid, pipelineUuid: await pipelineUuid(), source: stepUuid }, { count: 1000 });
  return page.lines.map((l) => l.text).join('\n');
}

const pipelineUuid = () => current.app.pipelines.uuidOf(current.project.uuid, PIPELINE);
const stepContainers = async () => docker('ps', '-a', '-q', '--filter', `label=${LABELS.project}=${current.project.uuid}`, '--filter', `label=${LABELS.step}`);

beforeAll(async () => {
  ({ current, environment } = await startAppWithEnvironment('runs'));
}, 900_000);

afterAll(() => closeAppWithEnvironment(current));

describe('pipeline runs in the session', () => {
  it('passes data from one step to the next with output and get_inputs, on disk as Orchest kept it', async () => {
    const { run: result, uuids } = await run([
      { title: 'make', file: 'make.py', source: 'import orchest\norchest.output({"n": 41}, name="numbers")\nprint("made")\n' },
      { title: 'use', file: 'use.py', source: 'import orchest\ninputs = orchest.get_inputs()\nprint("got", inputs["numbers"]["n"] + 1, inputs["unnamed"])\n', after: ['make'] },
    ]);
    expect(result.status).toBe('SUCCESS');
    expect(result.steps.map((s) => s.status)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(await stepLog(uuids.use!)).toContain('got 42 []');
    const data = path.join(current.project.path, '.orchest/pipelines', await pipelineUuid(), 'data', uuids.make!);
    expect(await fs.readFile(path.join(data, 'HEAD'), 'utf8')).toMatch(/^\d{4}-\d\d-\d\dT[\d:]+; PICKLE; numbers$/);
    await fs.access(path.join(data, `${uuids.make}.PICKLE`));
    expect(await stepContainers()).toBe('');
  });

  it("gives a step its own and the pipeline's parameters, Orchest's variables and the step file's folder", async () => {
    await fs.mkdir(path.join(current.project.path, 'code'), { recursive: true });
    const source = [
      'import os, orchest',
      'print("greeting", orchest.get_step_param("greeting"), "alpha", orchest.get_pipeline_param("alpha"))',
      'print("cwd", os.getcwd(), "step", os.environ["ORCHEST_STEP_UUID"], "session", os.environ["ORCHEST_SESSION_UUID"], "type", os.environ["ORCHEST_SESSION_TYPE"])',
      'print("variables", os.environ["SHARED"], os.environ["OWN"])',
    ].join('\n');
    const projectId = current.project.uuid;
    await current.app.variables.set(projectId, undefined, { SHARED: 'from the project', OWN: 'project value' });
    await current.app.variables.set(projectId, await pipelineUuid(), { OWN: 'pipeline value' });
    const { run: result, uuids } = await run([{ title: 'params', file: 'code/params.py', source, parameters: { greeting: 'hello' } }], { parameters: { alpha: 0.5 } });
    expect(result.status).toBe('SUCCESS');
    const log = await stepLog(uuids.params!);
    expect(log).toContain('greeting hello alpha 0.5');
    const session = (await current.request('sessions.get', { projectId: current.project.uuid, path: PIPELINE })) as { sessionUuid: string };
    expect(log).toContain(`cwd /project-dir/code step ${uuids.params} session ${session.sessionUuid} type interactive`);
    expect(log).toContain('variables from the project pipeline value'); // the pipeline's win
  });

  it('runs notebook cells in order in one namespace, without Jupyter in the image', async () => {
    const { run: result, uuids } = await run([{ title: 'nb', file: 'nb.ipynb', source: notebook('x = 21\nprint("first cell")', 'x * 2') }]);
    expect(result.status).toBe('SUCCESS');
    const log = await stepLog(uuids.nb!);
    expect(log).toContain('first cell');
    expect(log).toContain('42');
  });

  it('stops what depends on a failed step and lets the other steps finish', async () => {
    const { run: result, byTitle, uuids } = await run([
      { title: 'fails', file: 'fails.sh', source: 'echo about to fail\nexit 3\n' },
      { title: 'after', file: 'after.sh', source: 'echo never\n', after: ['fails'] },
      { title: 'later', file: 'later.sh', source: 'echo never either\n', after: ['after'] },
      { title: 'aside', file: 'aside.sh', source: 'sleep 1; echo aside done\n' },
    ]);
    expect(result.status).toBe('FAILURE');
    expect(byTitle.fails).toMatchObject({ status: 'FAILURE', exitCode: 3, message: 'Exited with code 3' });
    expect(byTitle.after).toMatchObject({ status: 'ABORTED', message: 'Not run: fails did not succeed' });
    expect(byTitle.later).toMatchObject({ status: 'ABORTED', message: 'Not run: after did not succeed' });
    expect(byTitle.aside?.status).toBe('SUCCESS');
    expect(await stepLog(uuids.fails!)).toContain('about to fail');
    expect(await stepLog(uuids.aside!)).toContain('aside done');
  });

  it('fails a step whose interpreter the image lacks, naming it', async () => {
    const { byTitle } = await run([{ title: 'julia', file: 'hello.jl', source: 'println("hi")\n' }]);
    expect(byTitle.julia).toMatchObject({ status: 'FAILURE' });
    expect(byTitle.julia?.message).toMatch(/has no julia, which this step runs with/);
  });

  it('cancels a run: its step is killed, its container removed, the steps after it not run', async () => {
    const uuids = await writeSteps(current.project.path, PIPELINE, environment, [
      { title: 'slow', file: 'slow.sh', source: 'echo started; while :; do sleep 1; done; echo finished\n' },
      { title: 'next', file: 'next.sh', source: 'echo next\n', after: ['slow'] },
    ]);
    const input = { projectId: current.project.uuid, path: PIPELINE };
    // Two Run clicks at once: one run, the other refused.
    const starts = await Promise.allSettled([current.request('runs.start', input), current.request('runs.start', input)]);
    expect(starts.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((starts.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(/CONFLICT: This pipeline is running already/);
    await expect.poll(async () => stepLog(uuids.slow!), { timeout: 30_000 }).toContain('started');
    const cancelled = (await current.request('runs.cancel', { ...input, wait: true })) as PipelineRun;
    expect(cancelled.status).toBe('ABORTED');
    expect(cancelled.steps.map((s) => [s.title, s.status])).toEqual([
      ['slow', 'ABORTED'],
      ['next', 'ABORTED'],
    ]);
    expect(await stepLog(uuids.slow!)).not.toContain('finished');
    expect(await stepContainers()).toBe('');
  });

  it('refuses to start when an environment has no build, before anything runs', async () => {
    await writeSteps(current.project.path, PIPELINE, 'f0000000-0000-4000-8000-00000000000f', [{ title: 'lost', file: 'lost.sh', source: 'true\n' }]);
    await expect(current.request('runs.start', { projectId: current.project.uuid, path: PIPELINE })).rejects.toThrow(
      /NOT_FOUND: Step 'lost' uses the environment f0000000-0000-4000-8000-00000000000f, which this project does not have; choose another for it/,
    );
  });

  it('names the environment that was never built, and every step that uses it', async () => {
    const unbuilt = await current.app.environments.create(current.project.uuid, { name: 'Unbuilt', baseImage: 'debian', language: 'python', gpuSupport: false, setupScript: '' });
    await writeSteps(current.project.path, PIPELINE, unbuilt.uuid, [
      { title: 'one', file: 'one.sh', source: 'true\n' },
      { title: 'two', file: 'two.sh', source: 'true\n' },
    ]);
    await expect(current.request('runs.start', { projectId: current.project.uuid, path: PIPELINE })).rejects.toThrow(
      "NOT_FOUND: Steps 'one', 'two' use the environment 'Unbuilt', which has no successful build yet; build it, then run",
    );
  });

  it("lists each step's log by its title beside the services, with Orchest's run marker first", async () => {
    const { uuids } = await run([{ title: 'logged', file: 'logged.sh', source: 'echo to stdout; echo to stderr >&2\n' }]);
    const sources = (await current.request('logs.sources', { projectId: current.project.uuid, path: PIPELINE })) as { source: string; step?: string }[];
    expect(sources).toContainEqual(expect.objectContaining({ source: uuids.logged, step: 'logged' }));
    const file = await fs.readFile(path.join(current.project.path, '.orchest/pipelines', await pipelineUuid(), 'logs', `${uuids.logged}.log`), 'utf8');
    const [marker, ...lines] = file.trim().split('\n');
    expect(marker).toMatch(/^[\da-f]{8}-([\da-f]{4}-){3}[\da-f]{12}$/);
    // Docker copies stdout and stderr apart: each is in order, not the two against each other.
    expect(lines.map((line) => line.replace(/^\S+ /, '')).sort()).toEqual(['err to stderr', 'out to stdout']);
  });
});

describe('a run beside the session services', () => {
  it('starts the session, waits for its services, and reaches Redis by get_service("redis")["internal_hostname"]', async () => {
    const image = await ensureTestImage('debian');
    await current.request('sessions.stop', { projectId: current.project.uuid, path: PIPELINE, wait: true });
    const redisMayListen = path.join(current.project.path, 'redis-may-listen');
    await current.setServices({
      // Listens only once the test says so, as a database that initialises first: a step that did not wait would fail.
      redis: {
        name: 'redis', image, scope: ['interactive'], command: 'sh', binds: { '/project-dir': '/project-dir' },
        args: `-c "until [ -e /project-dir/redis-may-listen ]; do sleep 0.2; done; exec redis-server --protected-mode no"`,
        ports: [6379], exposed: false, order: 0,
      },
      // Services get the SDK too: this one asks it for its neighbour's hostname.
      probe: { name: 'probe', image, scope: ['interactive'], command: 'sh', args: `-c "python3 -c 'import orchest; print(orchest.get_service(\\"redis\\")[\\"internal_hostname\\"])' && exec python3 -m http.server 8000"`, ports: [8000], exposed: false, order: 1 },
    });
    const messages: string[] = [];
    let waitingForRedis!: () => void;
    const waited = new Promise<'waited'>((resolve) => (waitingForRedis = () => resolve('waited')));
    const watcher = current.app.bridge.connect((name, payload) => {
      if (name !== 'runs.changed') return;
      messages.push((payload as PipelineRun).message ?? '');
      if (/^Waiting for redis:6379 to accept connections \(\d+ s\)$/.test(messages.at(-1)!)) waitingForRedis();
    });
    const source = [
      'import orchest, redis',
      'service = orchest.get_service("redis")',
      'r = redis.Redis(host=orchest.get_service("redis")["internal_hostname"], port=6379)',
      'r.set("greeting", "hello from a step")',
      'print(r.get("greeting").decode(), sorted(service), "scope" in service)',
    ].join('\n');
    const running = run([{ title: 'redis', file: 'use_redis.py', source }]);
    expect(await Promise.race([waited, running.then(() => 'ran without waiting')])).toBe('waited');
    await fs.writeFile(redisMayListen, '');
    const { run: result, uuids } = await running;
    watcher.dispose();
    expect(result.status).toBe('SUCCESS');
    expect(messages).toContain('Starting the session');
    const log = await stepLog(uuids.redis!);
    expect(log).toContain("hello from a step ['args', 'base_paths', 'binds', 'command', 'exposed', 'external_urls', 'image', 'internal_hostname', 'name', 'order', 'ports'] False");
    const session = (await current.request('sessions.get', { projectId: current.project.uuid, path: PIPELINE })) as { status: string; sessionUuid: string };
    expect(session.status).toBe('RUNNING');
    const probe = await current.app.logs.read({ projectId: current.project.uuid, pipelineUuid: await pipelineUuid(), source: 'probe' }, { count: 10 });
    expect(probe.lines.map((l) => l.text)).toEqual([`redis-${session.sessionUuid}`]);
  });
});
