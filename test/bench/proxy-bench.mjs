// The local port proxy: wrk against one small HTTP service (test/fixtures/services/http_service.py) through
// the app's proxy, directly at its published port, and through nginx configured as the same reverse proxy
// (strips the prefix, keeps connections to the service alive, one worker as the proxy has one event loop),
// in interleaved rounds; then WebSocket echo round trips through the proxy and directly. All in one run
// on loopback. `node test/bench/proxy-bench.mjs` runs it alone (after `npm run build`); `npm run bench`
// runs it after the other benchmarks. Needs Debian's wrk and nginx (.ci/run installs them).
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { connectBridge, exec, median, removeLabelled, startHost } from './bench-host.mjs';

const IMAGE = 'orchest-desktop-test/debian:2';
const NGINX = '/usr/sbin/nginx';
const WEB_PORT = 8080;
const ECHO_PORT = 8765;
/** wrk: rounds of the three targets in turn, each run DURATION seconds; the median run per target counts. */
const ROUNDS = 3;
const DURATION = 8;
const WRK_ARGS = ['-t2', '-c32', '--latency', `-d${DURATION}s`];
const WS_MESSAGES = 2000;
const WS_WARMUP = 200;
const WS_PAYLOAD = 'x'.repeat(64);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs the fixture with TCP_NODELAY and a listen queue of 128: Python's http.server writes headers and body
 * apart, so with Nagle every answer would wait for a delayed ACK and all three targets would measure that.
 */
const LAUNCHER = `import runpy, socketserver, sys
socketserver.StreamRequestHandler.disable_nagle_algorithm = True
socketserver.TCPServer.request_queue_size = 128
runpy.run_path(sys.argv[1], run_name="__main__")
`;

/** The two services as the Services tab saves them: the HTTP echo service and the WebSocket echo service. */
function services() {
  const service = (name, args, port, order) => ({
    name,
    image: IMAGE,
    scope: ['interactive'],
    command: 'python3',
    args,
    binds: { '/project-dir': '/project-dir' },
    ports: [port],
    exposed: true,
    requires_authentication: false,
    preserve_base_path: false,
    env_variables: {},
    env_variables_inherit: [],
    order,
  });
  return {
    web: service('web', '-u /project-dir/bench_launcher.py /project-dir/http_service.py', WEB_PORT, 0),
    echo: service('echo', '-u /project-dir/ws_echo.py', ECHO_PORT, 1),
  };
}

function portOf(session, name, port) {
  const found = session.services.find((s) => s.name === name)?.ports.find((p) => p.port === port);
  if (!found?.hostPort || !found.url) throw new Error(`${name}:${port} has no published port or proxy URL: ${JSON.stringify(found)}`);
  return found;
}

async function until(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} not ready in ${timeoutMs / 1000} s${last ? `: ${last.message}` : ''}`);
}

function openSocket(url) {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** nginx as the same reverse proxy: prefix stripped, HTTP/1.1 kept alive to the service, X-Forwarded-* set. */
function nginxConf(dir, port, hostPort) {
  const user = process.getuid?.() === 0 ? 'user root;\n' : ''; // workers must reach the 0700 temp folder
  return `${user}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream web { server 127.0.0.1:${hostPort}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location /service-web/ {
      proxy_pass http://web/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Port $server_port;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Prefix /service-web;
    }
  }
}
`;
}

async function startNginx(dir, hostPort) {
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  await fs.writeFile(conf, nginxConf(dir, port, hostPort));
  const child = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await until('nginx', async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${output}${await fs.readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '')}`);
      return (await fetch(`http://127.0.0.1:${port}/service-web/echo`)).ok;
    }, 10_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/service-web/echo`, stop };
}

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** wrk's Requests/sec and the 99% line of --latency, in ms, and its count of errors (non-2xx answers, socket errors). */
async function wrk(url) {
  const { stdout } = await exec('wrk', [...WRK_ARGS, url], { timeout: (DURATION + 30) * 1000 });
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(stdout);
  if (!rate || !p99) throw new Error(`cannot read wrk's output:\n${stdout}`);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout)?.slice(1).map(Number) ?? [];
  return { rate: Number(rate[1]), p99: Number(p99[1]) * UNIT_MS[p99[2]], errors: non2xx + socket.reduce((a, b) => a + b, 0) };
}

/** Sequential round trips over one connection, in ms. */
async function roundTrips(url) {
  const socket = await openSocket(url);
  try {
    const once = () =>
      new Promise((resolve, reject) => {
        const closed = () => reject(new Error(`${url} closed`));
        const started = performance.now();
        socket.once('close', closed);
        socket.once('message', () => (socket.off('close', closed), resolve(performance.now() - started)));
        socket.send(WS_PAYLOAD);
      });
    for (let i = 0; i < WS_WARMUP; i++) await once();
    const times = [];
    for (let i = 0; i < WS_MESSAGES; i++) times.push(await once());
    return times;
  } finally {
    socket.close();
  }
}

/**
 * A failed run whose services are gone says so: every host on a Docker engine removes the app's containers
 * of projects it does not know as leftovers, so a host started meanwhile (a test run) ends this session.
 */
async function explained(error, client, target) {
  const session = target && (await client.request('sessions.get', { projectId: target.projectId, path: target.path }).catch(() => undefined));
  const down = session?.services.filter((s) => s.state !== 'running').map((s) => `${s.name} ${s.state}${s.exitCode === undefined ? '' : ` (${s.exitCode})`}`);
  if (!down?.length) return error;
  return new Error(`${error.message.trim()}\nthe session's services stopped during the benchmark: ${down.join(', ')}; was another Orchest Desktop host started on this Docker engine?`);
}

/** Removes the project's containers, whatever state the run ended in. */
export async function benchProxy(repo) {
  for (const [tool, check] of [['wrk', exec('wrk', ['-v']).catch((error) => error.code !== 'ENOENT')], ['nginx', fs.access(NGINX).then(() => true, () => false)]]) {
    if (!(await check)) throw new Error(`the proxy benchmark needs Debian's ${tool} (apt-get install wrk nginx; .ci/run installs them)`);
  }
  await exec('bash', [path.join(repo, 'test/images/make-debian.sh')]);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'od-bench-proxy-'));
  const nginxDir = path.join(dir, 'nginx');
  await fs.mkdir(nginxDir);
  const http = { proxy: [], direct: [], nginx: [] };
  let ws;
  let host;
  let client;
  let projectId;
  let target;
  let nginx;
  try {
    host = await startHost(repo, dir);
    client = await connectBridge(host.url);
    const project = await client.request('projects.create', { name: 'bench-proxy' });
    projectId = project.uuid;
    for (const file of ['http_service.py', 'ws_echo.py']) await fs.copyFile(path.join(repo, 'test/fixtures/services', file), path.join(project.path, file));
    await fs.writeFile(path.join(project.path, 'bench_launcher.py'), LAUNCHER);
    const { revision } = await client.request('pipelines.get', { projectId, path: 'main.orchest' });
    await client.request('pipelines.saveServices', { projectId, path: 'main.orchest', revision, services: services() });
    target = { projectId, path: 'main.orchest', wait: true };
    const session = await client.request('sessions.start', target);
    if (session.status !== 'RUNNING') throw new Error(`session ${session.status}: ${session.error?.message ?? ''}`);
    const web = portOf(session, 'web', WEB_PORT);
    const echo = portOf(session, 'echo', ECHO_PORT);
    const urls = { proxy: `${web.url}echo`, direct: `http://127.0.0.1:${web.hostPort}/echo` };
    const wsUrls = { proxy: echo.url.replace(/^http:/, 'ws:'), direct: `ws://127.0.0.1:${echo.hostPort}/` };
    await until('the web service through the proxy', async () => (await fetch(urls.proxy)).ok);
    await until('the echo service through the proxy', async () => ((await openSocket(wsUrls.proxy)).close(), true));
    nginx = await startNginx(nginxDir, web.hostPort);
    urls.nginx = nginx.url;

    for (let round = 0; round < ROUNDS; round++) {
      // Each round in a different order, so no target always follows the same one.
      const order = ['proxy', 'direct', 'nginx'];
      for (let i = 0; i < round; i++) order.push(order.shift());
      for (const name of order) http[name].push(await wrk(urls[name]));
    }
    ws = { proxy: await roundTrips(wsUrls.proxy), direct: await roundTrips(wsUrls.direct) };
  } catch (error) {
    throw await explained(error, client, target);
  } finally {
    await nginx?.stop();
    if (target) await client.request('sessions.stop', target).catch(() => undefined);
    client?.close();
    await host?.stop();
    if (projectId) await removeLabelled(`io.orchest-desktop.project=${projectId}`);
    await fs.rm(dir, { recursive: true, force: true });
  }

  const result = Object.fromEntries(Object.entries(http).map(([name, runs]) => [name, { rate: median(runs.map((r) => r.rate)), p99: median(runs.map((r) => r.p99)) }]));
  const ms = (value) => `${value.toFixed(2)} ms`;
  const rows = [['target', 'req/s', 'p99', 'req/s of each run', 'errors']];
  for (const [name, label] of [['proxy', 'app proxy'], ['nginx', 'nginx'], ['direct', 'direct']]) {
    const runs = http[name];
    rows.push([label, result[name].rate.toFixed(0), ms(result[name].p99), runs.map((r) => r.rate.toFixed(0)).join(' '), String(runs.reduce((n, r) => n + r.errors, 0))]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(`port proxy, wrk ${WRK_ARGS.join(' ')} GET /echo of one Python HTTP service (median of ${ROUNDS} interleaved runs; nginx with 1 worker):`);
  for (const row of rows) console.log(`  ${row.map((cell, column) => (column ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ')}`);
  const ratio = (a, b) => (a / b).toFixed(2);
  console.log(`  proxy / nginx: req/s ${ratio(result.proxy.rate, result.nginx.rate)} (aim >= 0.8), p99 ${ratio(result.proxy.p99, result.nginx.p99)} (aim <= 1.5)`);
  console.log(`  proxy / direct: req/s ${ratio(result.proxy.rate, result.direct.rate)}, p99 ${ratio(result.proxy.p99, result.direct.p99)}`);
  const proxyWs = { median: median(ws.proxy), p99: percentile(ws.proxy, 99) };
  const directWs = { median: median(ws.direct), p99: percentile(ws.direct, 99) };
  console.log(`port proxy, WebSocket echo round trip, ${WS_MESSAGES} sequential ${WS_PAYLOAD.length}-byte messages:`);
  console.log(`  app proxy: median ${ms(proxyWs.median)}, p99 ${ms(proxyWs.p99)}; direct: median ${ms(directWs.median)}, p99 ${ms(directWs.p99)}`);
  console.log(`  proxy / direct: median ${ratio(proxyWs.median, directWs.median)}, p99 ${ratio(proxyWs.p99, directWs.p99)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchProxy(fileURLToPath(new URL('../..', import.meta.url)));
}
