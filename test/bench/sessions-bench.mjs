// Sessions: the app's one-click start (until every service runs) and stop of 5 and 20 services, beside
// Debian's docker-compose `up -d` and `down` of the same containers (same image, command, one published
// 127.0.0.1 port each, one network), measured in the same run. `node test/bench/sessions-bench.mjs` runs
// it alone (after `npm run build`); `npm run bench` runs it after the other benchmarks.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connectBridge, exec, median, removeLabelled, startHost } from './bench-host.mjs';

const IMAGE = 'orchest-desktop-test/busybox:1';
/** Idles, and exits at once on SIGTERM (`wait` is interrupted by the trap; a bare `sleep` is not). */
const SCRIPT = "trap 'exit 0' TERM; while :; do sleep 1 & wait; done";
const PORT = 8000;
const COUNTS = [5, 20];
const RUNS = 3;
async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The pipeline's services as the Services tab saves them (Orchest's service definition). */
function services(count) {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `s${i}`,
      {
        name: `s${i}`,
        image: IMAGE,
        scope: ['interactive'],
        command: 'sh',
        args: `-c "${SCRIPT}"`,
        ports: [PORT],
        exposed: false,
        requires_authentication: false,
        preserve_base_path: false,
        binds: {},
        env_variables: {},
        env_variables_inherit: [],
        order: i,
      },
    ]),
  );
}

/** The same containers for docker-compose (JSON is YAML), on the project's one default network. */
function composeFile(count, runId) {
  const compose = { version: '2.4', services: {} };
  for (let i = 0; i < count; i++) {
    compose.services[`s${i}`] = {
      image: IMAGE,
      entrypoint: ['sh'],
      command: ['-c', SCRIPT],
      ports: [`127.0.0.1::${PORT}`],
      labels: { 'io.orchest-desktop-bench.run': runId },
    };
  }
  return `${JSON.stringify(compose, null, 2)}\n`;
}

async function appStart(client, target, count) {
  const session = await client.request('sessions.start', target);
  const running = session.services.filter((s) => s.state === 'running').length;
  if (session.status !== 'RUNNING' || running !== count) {
    throw new Error(`session ${session.status} with ${running}/${count} services running: ${session.error?.message ?? ''}`);
  }
}

async function appStop(client, target) {
  const session = await client.request('sessions.stop', target);
  if (session.status !== 'STOPPED') throw new Error(`session ${session.status} after sessions.stop`);
}

/** Median start and stop of `count` services by the app, then by docker-compose, run by run in turn. */
async function measure({ client, projectId, dir, runId, composeProjects }, count) {
  const { revision } = await client.request('pipelines.get', { projectId, path: 'main.orchest' });
  await client.request('pipelines.saveServices', { projectId, path: 'main.orchest', revision, services: services(count) });
  const target = { projectId, path: 'main.orchest', wait: true };
  const file = path.join(dir, `compose-${count}.yml`);
  await fs.writeFile(file, composeFile(count, runId));
  const project = `${runId}-n${count}`;
  composeProjects.push({ file, project });
  const compose = (...args) => exec('docker-compose', ['-f', file, '-p', project, ...args]);
  const app = { start: [], stop: [] };
  const baseline = { start: [], stop: [] };
  for (let run = 0; run < RUNS; run++) {
    app.start.push(await timed(() => appStart(client, target, count)));
    app.stop.push(await timed(() => appStop(client, target)));
    baseline.start.push(await timed(() => compose('up', '-d')));
    baseline.stop.push(await timed(() => compose('down')));
  }
  return {
    app: { start: median(app.start), stop: median(app.stop) },
    compose: { start: median(baseline.start), stop: median(baseline.stop) },
  };
}

export async function benchSessions(repo) {
  await exec('bash', [path.join(repo, 'test/images/make-busybox.sh')]);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'od-bench-sessions-'));
  const runId = `odbench-${process.pid}-${Date.now().toString(36)}`;
  const composeProjects = [];
  const results = {};
  let host;
  let client;
  let projectId;
  try {
    host = await startHost(repo, dir);
    client = await connectBridge(host.url);
    ({ uuid: projectId } = await client.request('projects.create', { name: 'bench-sessions' }));
    for (const count of COUNTS) results[count] = await measure({ client, projectId, dir, runId, composeProjects }, count);
  } finally {
    client?.close();
    await host?.stop();
    for (const { file, project } of composeProjects) {
      await exec('docker-compose', ['-f', file, '-p', project, 'down', '--remove-orphans']).catch(() => undefined);
      await removeLabelled(`com.docker.compose.project=${project}`);
    }
    await removeLabelled(`io.orchest-desktop-bench.run=${runId}`);
    if (projectId) await removeLabelled(`io.orchest-desktop.project=${projectId}`);
    await fs.rm(dir, { recursive: true, force: true });
  }

  const ms = (value) => `${value.toFixed(0)} ms`;
  const rows = [['services', 'app start', 'compose up -d', 'ratio', 'app stop', 'compose down', 'ratio']];
  for (const count of COUNTS) {
    const { app, compose } = results[count];
    rows.push([String(count), ms(app.start), ms(compose.start), (app.start / compose.start).toFixed(2), ms(app.stop), ms(compose.stop), (app.stop / compose.stop).toFixed(2)]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(`sessions of busybox services, app beside docker-compose (median of ${RUNS}; ratio = app / docker-compose):`);
  for (const row of rows) console.log(`  ${row.map((cell, column) => cell.padStart(widths[column])).join('  ')}`);
  const [small, large] = COUNTS;
  const scale = (side) => (results[large][side].start / results[small][side].start).toFixed(2);
  console.log(`  start of ${large} services / start of ${small}: app ${scale('app')}, docker-compose ${scale('compose')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchSessions(fileURLToPath(new URL('../..', import.meta.url)));
}
