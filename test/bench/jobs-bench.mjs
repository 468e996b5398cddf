// Jobs (issue 17): a job of 20 runs of a 3-step pipeline with one `noninteractive` service, timed from Start
// to its end, beside the same 20 runs made interactively through the app (one session, its service started
// once) in the same run, with the time one start and stop of that service takes measured too: a job run
// starts its own service, so the aim is the interactive time times 1.2 plus one service start per run.
// Then the host's memory after 20 and after 200 finished runs of a 1-step job (4 at once), same host.
// And the Start of a job on a project of 100,000 files (1 GB): how long its snapshot takes beside `cp -a`
// of the same folder, and how quickly the host answers a request every 50 ms meanwhile, beside idle.
// `node test/bench/jobs-bench.mjs` runs it alone (after `npm run build`); `npm run bench` runs it too.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exec, median, withBenchProject } from './bench-host.mjs';
import { buildEnvironment } from './runs-bench.mjs';

const RUNS = 20;
const MANY_RUNS = 200;
const SERVICE_STARTS = 3;
const AIMS = { ratio: 1.2, memory: 1.1 };
const BUSYBOX = 'orchest-desktop-test/busybox:1';

/** `<name>.orchest`: `steps` steps in a chain running step.sh, a `greeting` pipeline parameter, and the web service when asked. */
async function writePipeline(projectDir, name, environment, steps, withService) {
  const uuids = Array.from({ length: steps }, () => randomUUID());
  const pipeline = {
    name,
    uuid: randomUUID(),
    version: '1.2.3',
    settings: { auto_eviction: false, data_passing_memory_size: '1GB', max_steps_parallelism: 0 },
    parameters: { greeting: 'hello' },
    steps: Object.fromEntries(
      uuids.map((uuid, i) => [
        uuid,
        { uuid, title: `s${i}`, file_path: 'step.sh', environment, kernel: { name: 'python', display_name: 'Python 3' }, incoming_connections: i > 0 ? [uuids[i - 1]] : [], parameters: {}, meta_data: { hidden: false, position: [i * 200, 0] } },
      ]),
    ),
    services: withService ? { web: { name: 'web', image: BUSYBOX, scope: ['interactive', 'noninteractive'], command: 'httpd', args: '-f -p 8000', ports: [8000], exposed: false, order: 0 } } : {},
  };
  await fs.writeFile(path.join(projectDir, `${name}.orchest`), JSON.stringify(pipeline, null, 4));
}

async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Makes and starts a job of `count` runs (one per greeting), and resolves when it ended; throws unless all succeeded. */
async function runJob(client, projectId, pipelinePath, count) {
  const greetings = Array.from({ length: count }, (_, i) => `hello ${i}`);
  const job = await client.request('jobs.create', { projectId, path: pipelinePath, name: `bench ${randomUUID().slice(0, 8)}`, grid: { 'pipeline.greeting': greetings } });
  const ended = new Promise((resolve) => {
    const check = async () => {
      const latest = await client.request('jobs.get', { jobUuid: job.uuid });
      if (['SUCCESS', 'FAILURE', 'ABORTED'].includes(latest.status)) return resolve(latest);
      setTimeout(check, 100);
    };
    setTimeout(check, 100);
  });
  await client.request('jobs.start', { jobUuid: job.uuid });
  const finished = await ended;
  if (finished.status !== 'SUCCESS') throw new Error(`the job ended ${finished.status}: ${JSON.stringify(finished.runCounts)} ${finished.reason ?? ''}`);
  return finished;
}

async function interactiveRuns(client, projectId, pipelinePath, count) {
  for (let i = 0; i < count; i++) {
    const run = await client.request('runs.start', { projectId, path: pipelinePath, wait: true });
    if (run.status !== 'SUCCESS') throw new Error(`an interactive run ended ${run.status}: ${run.message ?? JSON.stringify(run.steps)}`);
  }
}

async function rssMiB(pid) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

export async function benchJobs(repo) {
  await exec('bash', [path.join(repo, 'test/images/make-debian.sh')]);
  await exec('bash', [path.join(repo, 'test/images/make-busybox.sh')]);
  await withBenchProject(repo, 'bench-jobs', async ({ host, client, project }) => {
    const projectId = project.uuid;
    const environment = await buildEnvironment(client, projectId);
    await fs.writeFile(path.join(project.path, 'step.sh'), 'echo "$ORCHEST_STEP_UUID"\n');
    await writePipeline(project.path, 'three', environment.uuid, 3, true);
    await writePipeline(project.path, 'one', environment.uuid, 1, false);
    await writePipeline(project.path, 'service', environment.uuid, 0, true);

    // Warm both ways once: the app's container files are copied at the first run of each kind.
    await runJob(client, projectId, 'three.orchest', 1);
    await interactiveRuns(client, projectId, 'three.orchest', 1);

    const serviceStarts = [];
    for (let i = 0; i < SERVICE_STARTS; i++) {
      serviceStarts.push(
        await timed(async () => {
          await client.request('sessions.start', { projectId, path: 'service.orchest', wait: true });
          await client.request('sessions.stop', { projectId, path: 'service.orchest', wait: true });
        }),
      );
    }
    const interactive = await timed(() => interactiveRuns(client, projectId, 'three.orchest', RUNS));
    await client.request('sessions.stop', { projectId, path: 'three.orchest', wait: true });
    const job = await timed(() => runJob(client, projectId, 'three.orchest', RUNS));
    const service = median(serviceStarts);
    const allowed = interactive * AIMS.ratio + RUNS * service;
    const met = (ok) => (ok ? 'met' : 'NOT met');
    console.log(
      `jobs: ${RUNS} runs of a 3-step pipeline with a noninteractive service: job ${(job / 1000).toFixed(1)} s, the same ${RUNS} runs interactively ${(interactive / 1000).toFixed(1)} s ` +
        `(ratio ${(job / interactive).toFixed(2)}); one start and stop of the service ${service.toFixed(0)} ms (median of ${SERVICE_STARTS}); ` +
        `aim ${(allowed / 1000).toFixed(1)} s (${AIMS.ratio}x interactive + one service start per run): ${met(job <= allowed)}`,
    );

    await client.request('settings.update', { jobRunsAtOnce: 4 });
    await runJob(client, projectId, 'one.orchest', RUNS);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after20 = await rssMiB(host.pid);
    await runJob(client, projectId, 'one.orchest', MANY_RUNS - RUNS);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after200 = await rssMiB(host.pid);
    console.log(
      `jobs: host memory (RSS) after ${RUNS} finished runs ${after20.toFixed(0)} MiB, after ${MANY_RUNS} ${after200.toFixed(0)} MiB; ratio ${(after200 / after20).toFixed(2)} (aim at most ${AIMS.memory}: ${met(after200 / after20 <= AIMS.memory)})`,
    );
  });
}

const BIG_FILES = 100_000;
const FILE_BYTES = 10_000;

/** `count` files of FILE_BYTES in folders of 1000, written 64 at a time. */
async function writeManyFiles(root, count) {
  const content = Buffer.alloc(FILE_BYTES, 'x');
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const folder = path.join(root, `part-${Math.floor(i / 1000)}`);
      if (i % 1000 === 0) await fs.mkdir(folder, { recursive: true });
      else await fs.mkdir(folder, { recursive: true }).catch(() => undefined);
      await fs.writeFile(path.join(folder, `file-${i}.csv`), content);
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
}

/** Sends a cheap request every 50 ms until `until` settles; answers each one's time. */
async function pingWhile(client, until) {
  const times = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const sent = performance.now();
    await client.request('settings.get', {});
    times.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return times;
}

const worst = (values) => Math.max(...values);

export async function benchSnapshot(repo) {
  await withBenchProject(repo, 'bench-snapshot', async ({ client, project, dir }) => {
    await writeManyFiles(path.join(project.path, 'dataset'), BIG_FILES);
    await writePipeline(project.path, 'empty', '', 0, false);
    const idle = await pingWhile(client, new Promise((resolve) => setTimeout(resolve, 3_000)));
    const job = await client.request('jobs.create', { projectId: project.uuid, path: 'empty.orchest', name: 'snapshot', schedule: { kind: 'cron', cron: '0 0 1 1 *' } });
    const preview = await client.request('jobs.preview', { projectId: project.uuid, path: 'empty.orchest' });
    let startMs = 0;
    const start = (async () => {
      const began = performance.now();
      await client.request('jobs.start', { jobUuid: job.uuid });
      startMs = performance.now() - began;
    })();
    const during = await pingWhile(client, start);
    await start;
    const copy = path.join(dir, 'cp-copy');
    const began = performance.now();
    await exec('cp', ['-a', project.path, copy]);
    const cpMs = performance.now() - began;
    await fs.rm(copy, { recursive: true, force: true });
    console.log(
      `jobs: Start on a project of ${BIG_FILES.toLocaleString('en')} files (${(preview.snapshot.bytes / 1e9).toFixed(1)} GB, said before Start, large: ${preview.snapshot.large}): ` +
        `snapshot ${(startMs / 1000).toFixed(1)} s, cp -a of the same folder ${(cpMs / 1000).toFixed(1)} s (ratio ${(startMs / cpMs).toFixed(2)}); ` +
        `a request every 50 ms meanwhile answered in median ${median(during).toFixed(1)} ms, worst ${worst(during).toFixed(0)} ms (${during.length} requests); ` +
        `idle: median ${median(idle).toFixed(1)} ms, worst ${worst(idle).toFixed(0)} ms`,
    );
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  await benchJobs(repo);
  await benchSnapshot(repo);
}
