// Sessions: the app's one-click start (to every service running) and stop of 1, 5 and 20 services, beside
// Debian's docker-compose `up -d` and `down` of the same containers, in the same run.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import WebSocket from 'ws';

const exec = promisify(execFile);
const IMAGE = 'orchest-desktop-test/busybox:1';
const ARGS = ['-c', 'while :; do sleep 1; done'];
const RUNS = 3;

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The bridge's WebSocket frames ({t:'req'} / {t:'res'}), without the app's client code. */
async function connectBridge(url) {
  const parsed = new URL(url);
  const socket = new WebSocket(`ws://${parsed.host}/bridge?token=${parsed.searchParams.get('token')}`);
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  const pending = new Map();
  let next = 0;
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.t !== 'res') return;
    const { resolve, reject } = pending.get(frame.id);
    pending.delete(frame.id);
    if (frame.ok) resolve(frame.value);
    else reject(new Error(`${frame.error.code}: ${frame.error.message}`));
  });
  return {
    request: (name, input) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify({ t: 'req', id, name, input }));
      }),
    close: () => socket.close(),
  };
}

function services(count) {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `s${i}`,
      { name: `s${i}`, image: IMAGE, scope: ['interactive'], command: 'sh', args: `-c "${ARGS[1]}"`, ports: [8000], exposed: false, order: i },
    ]),
  );
}

function composeFile(count) {
  const lines = ['version: "2.4"', 'services:'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  s${i}:`,
      `    image: ${IMAGE}`,
      '    entrypoint: ["sh"]',
      `    command: ${JSON.stringify(ARGS)}`,
      '    init: true',
      '    ports: ["127.0.0.1::8000"]',
      '    labels: { io.orchest-desktop.bench: "true" }',
    );
  }
  return `${lines.join('\n')}\n`;
}

async function startHost(repo, dir) {
  const child = spawn(
    process.execPath,
    [path.join(repo, 'bin/orchest-desktop.mjs'), 'serve', '--no-open', '--port', '0', '--workspace', path.join(dir, 'workspace')],
    { env: { ...process.env, ORCHEST_DESKTOP_HOME: path.join(dir, 'home') }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /serving at (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  return { child, url };
}

/** Median start and stop of `count` services by the app, then by docker-compose. */
async function measure(client, projectId, dir, count) {
  const { revision } = await client.request('pipelines.get', { projectId, path: 'main.orchest' });
  await client.request('pipelines.saveServices', { projectId, path: 'main.orchest', revision, services: services(count) });
  const target = { projectId, path: 'main.orchest', wait: true };
  const composePath = path.join(dir, `compose-${count}.yml`);
  await fs.writeFile(composePath, composeFile(count));
  const compose = (...args) => exec('docker-compose', ['-f', composePath, '-p', `odbench${process.pid}n${count}`, ...args]);
  const app = { start: [], stop: [] };
  const baseline = { start: [], stop: [] };
  for (let run = 0; run < RUNS; run++) {
    app.start.push(
      await timed(async () => {
        const session = await client.request('sessions.start', target);
        if (session.status !== 'RUNNING') throw new Error(`session ${session.status}: ${session.error?.message}`);
      }),
    );
    app.stop.push(await timed(() => client.request('sessions.stop', target)));
    baseline.start.push(await timed(() => compose('up', '-d')));
    baseline.stop.push(await timed(() => compose('down')));
  }
  return { app: { start: median(app.start), stop: median(app.stop) }, compose: { start: median(baseline.start), stop: median(baseline.stop) } };
}

export async function benchSessions(repo) {
  await exec('bash', [path.join(repo, 'test/images/make-busybox.sh')]);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'od-bench-sessions-'));
  const host = await startHost(repo, dir);
  const client = await connectBridge(host.url);
  const results = {};
  try {
    const { uuid } = await client.request('projects.create', { name: 'bench-sessions' });
    for (const count of [1, 5, 20]) results[count] = await measure(client, uuid, dir, count);
  } finally {
    client.close();
    host.child.kill('SIGTERM'); // the host stops its sessions as it quits
    await new Promise((resolve) => host.child.once('exit', resolve));
    const left = (await exec('docker', ['ps', '-aq', '--filter', 'label=io.orchest-desktop.bench=true'])).stdout.split('\n').filter(Boolean);
    if (left.length) await exec('docker', ['rm', '-f', ...left]);
    await fs.rm(dir, { recursive: true, force: true });
  }
  const ms = (value) => `${value.toFixed(0)} ms`;
  for (const count of [1, 5, 20]) {
    const { app, compose } = results[count];
    console.log(
      `session of ${count} services (median of ${RUNS}): start ${ms(app.start)} vs docker-compose up -d ${ms(compose.start)}, ratio ${(app.start / compose.start).toFixed(2)}; ` +
        `stop ${ms(app.stop)} vs docker-compose down ${ms(compose.stop)}, ratio ${(app.stop / compose.stop).toFixed(2)}`,
    );
  }
  const scale = (r) => (r[20].start / r[1].start).toFixed(2);
  console.log(`start of 20 services / start of 1: ${scale({ 20: results[20].app, 1: results[1].app })} (docker-compose: ${scale({ 20: results[20].compose, 1: results[1].compose })})`);
}
