// Pipeline runs: 20 independent trivial steps and a chain of 20, timed from Run to done through the app
// (session already running), beside a shell loop of `docker run --rm` of the same containers (same image,
// command, network and project mount) in parallel and in sequence, measured in the same run.
// `node test/bench/runs-bench.mjs` runs it alone (after `npm run build`); `npm run bench` runs it too.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exec, median, withBenchProject } from './bench-host.mjs';

const IMAGE = 'orchest-desktop-test/debian:2';
const STEPS = 20;
const RUNS = 3;

export async function buildEnvironment(client, projectId) {
  const fields = { name: 'bench', baseImage: IMAGE, language: 'python', gpuSupport: false, setupScript: '' };
  const { uuid } = await client.request('environments.create', { projectId, fields });
  const first = await client.request('environments.build', { projectId, uuid });
  for (;;) {
    const [last] = await client.request('environments.builds', { projectId, uuid });
    if (last.number === first.number && ['SUCCESS', 'FAILURE', 'ABORTED'].includes(last.status)) {
      if (last.status !== 'SUCCESS') throw new Error(`the environment's build ${last.status}: ${last.error}`);
      return { uuid, image: last.image };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `<name>.orchest` of STEPS steps running step.sh; each after the one before when chained. */
async function writePipeline(projectDir, name, environment, chained) {
  const uuids = Array.from({ length: STEPS }, () => randomUUID());
  const steps = Object.fromEntries(
    uuids.map((uuid, i) => [
      uuid,
      { uuid, title: `s${i}`, file_path: 'step.sh', environment, kernel: { name: 'python', display_name: 'Python 3' }, incoming_connections: chained && i > 0 ? [uuids[i - 1]] : [], parameters: {}, meta_data: { hidden: false, position: [i * 100, 0] } },
    ]),
  );
  const pipeline = { name, uuid: randomUUID(), version: '1.2.3', settings: { auto_eviction: false, data_passing_memory_size: '1GB', max_steps_parallelism: 0 }, parameters: {}, steps };
  await fs.writeFile(path.join(projectDir, `${name}.orchest`), JSON.stringify(pipeline, null, 4));
}

async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function appRun(client, projectId, pipelinePath) {
  const run = await client.request('runs.start', { projectId, path: pipelinePath, wait: true });
  if (run.status !== 'SUCCESS') throw new Error(`the run ended ${run.status}: ${run.message ?? run.steps.find((s) => s.status !== 'SUCCESS')?.message}`);
}

/** The same containers by a shell loop of `docker run --rm`, all at once or one after another. */
function dockerLoop(image, network, projectDir, parallel) {
  const run = `docker run --rm --network ${network} -v ${projectDir}:/project-dir -w /project-dir ${image} bash step.sh >/dev/null`;
  const script = parallel ? `for i in $(seq ${STEPS}); do ${run} & done; wait` : `for i in $(seq ${STEPS}); do ${run}; done`;
  return exec('bash', ['-c', script]);
}

export async function benchRuns(repo) {
  await exec('bash', [path.join(repo, 'test/images/make-debian.sh')]);
  const results = { parallel: { app: [], docker: [] }, chain: { app: [], docker: [] } };
  await withBenchProject(repo, 'bench-runs', async ({ client, project }) => {
    const projectId = project.uuid;
    const environment = await buildEnvironment(client, projectId);
    await fs.writeFile(path.join(project.path, 'step.sh'), 'echo step $ORCHEST_STEP_UUID\n');
    await writePipeline(project.path, 'parallel', environment.uuid, false);
    await writePipeline(project.path, 'chain', environment.uuid, true);
    const networks = {};
    for (const name of ['parallel', 'chain']) {
      const session = await client.request('sessions.start', { projectId, path: `${name}.orchest`, wait: true });
      networks[name] = `orchest-session-${session.sessionUuid}`;
      await appRun(client, projectId, `${name}.orchest`); // warm: the first run copies the app's container files
    }
    for (let round = 0; round < RUNS; round++) {
      for (const name of ['parallel', 'chain']) {
        results[name].app.push(await timed(() => appRun(client, projectId, `${name}.orchest`)));
        results[name].docker.push(await timed(() => dockerLoop(environment.image, networks[name], project.path, name === 'parallel')));
      }
    }
  });

  console.log(`pipeline runs of ${STEPS} trivial steps, Run to done through the app beside a docker run --rm loop (median of ${RUNS}; ratio = app / docker run):`);
  for (const [name, label] of [['parallel', `${STEPS} independent steps`], ['chain', `a chain of ${STEPS} steps`]]) {
    const app = median(results[name].app);
    const docker = median(results[name].docker);
    console.log(`  ${label.padEnd(24)} app ${app.toFixed(0).padStart(6)} ms  docker run loop ${docker.toFixed(0).padStart(6)} ms  ratio ${(app / docker).toFixed(2)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchRuns(fileURLToPath(new URL('../..', import.meta.url)));
}
