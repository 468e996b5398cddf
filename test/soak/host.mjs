// The built headless host (`orchest-desktop serve`) as the soak runs it: a real process that can be
// killed with -9 and started again on the same home, and its bridge spoken over WebSocket with the
// wire's JSON frames (electron/contract/wire.ts: {t:'req',id,name,input} -> {t:'res',id,ok,value|error}).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

const SERVING = /Orchest Desktop is serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;
const START_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 60_000;
const TAIL_LINES = 40;

/** Every host process started here that has not exited yet, so that none outlives the soak. */
const running = new Set();

/** SIGTERM to every host started here that still runs (SIGKILL after `ms`); resolves when all have exited. */
export async function stopStartedHosts(ms = 20_000) {
  await Promise.all(
    [...running].map(async (child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      await exited;
      clearTimeout(timer);
    }),
  );
}

/** electron/core/app-home.ts ownerIdOf: the owner label of what an app home's instance makes. */
export function ownerIdOf(home) {
  return createHash('sha256').update(path.resolve(home)).digest('hex').slice(0, 16);
}

/**
 * Starts `serve` on `home` and `workspace`, reaching the engine at `dockerHost`; resolves once it
 * prints its URL. Its output goes to `logFile` (appended), and its last lines are kept for reports.
 */
export async function startHost({ repo, home, workspace, dockerHost, logFile }) {
  const env = { ...process.env, ORCHEST_DESKTOP_HOME: home, DOCKER_HOST: dockerHost };
  delete env.ORCHEST_DESKTOP_URL;
  const child = spawn(process.execPath, [path.join(repo, 'bin/orchest-desktop.mjs'), 'serve', '--no-open', '--port', '0', '--workspace', workspace], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  log.write(`--- host pid ${child.pid} started ${new Date().toISOString()}\n`);
  const tail = [];
  let output = '';
  const take = (chunk) => {
    log.write(chunk);
    output = (output + chunk).slice(-8192);
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => (log.end(`--- host pid ${child.pid} exited (${signal ?? code})\n`), resolve(signal ?? code))));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start in ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
    const look = () => {
      const match = SERVING.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      resolve(match[1]);
    };
    child.stdout.on('data', look);
    void exited.then((how) => (clearTimeout(timer), reject(new Error(`the host exited (${how}) before serving:\n${output}`))));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    pid: child.pid,
    tail: () => tail.join('\n'),
    alive,
    /** kill -9, as a crash: nothing of the host runs its clean-up. */
    async crash() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    /** SIGTERM, as a person quitting: the host stops its sessions (keepSessionsRunning is off in a fresh home). */
    async stop(ms = 60_000) {
      if (alive()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      const how = await exited;
      clearTimeout(timer);
      return how;
    },
  };
}

/** A bridge client of the host at `url` (its `?token=`): `request(name, input)` resolves with the value or throws `CODE: message`. */
export async function connectBridge(url) {
  const parsed = new URL(url);
  const socket = new WebSocket(`ws://${parsed.host}/bridge?token=${parsed.searchParams.get('token')}`);
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  const pending = new Map();
  let next = 0;
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.t !== 'res' || !pending.has(frame.id)) return; // events ({t:'evt'}) are not needed: the soak polls
    const { resolve, reject, timer } = pending.get(frame.id);
    pending.delete(frame.id);
    clearTimeout(timer);
    if (frame.ok) resolve(frame.value);
    else reject(new Error(`${frame.error.code}: ${frame.error.message}`));
  });
  const closed = () => {
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(new Error('the bridge closed'));
    }
    pending.clear();
  };
  socket.on('close', closed);
  socket.on('error', closed);
  return {
    request: (name, input = {}) =>
      new Promise((resolve, reject) => {
        if (socket.readyState !== WebSocket.OPEN) return reject(new Error(`${name}: the bridge is closed`));
        const id = ++next;
        const timer = setTimeout(() => (pending.delete(id), reject(new Error(`${name}: no answer in ${REQUEST_TIMEOUT_MS / 1000} s`))), REQUEST_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        socket.send(JSON.stringify({ t: 'req', id, name, input }));
      }),
    close: () => socket.close(),
  };
}

/** How many file descriptors the process holds now (Linux), or undefined when it is gone. */
export function openFds(pid) {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return undefined;
  }
}

/** What the process's descriptors are (sockets, pipes, files), for a report when they grew. */
export function describeFds(pid) {
  const kinds = new Map();
  try {
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      let target;
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const kind = target.replace(/:\[\d+\]$/, ''); // socket:[123] -> socket; files stay as paths
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  } catch {
    return 'gone';
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${kind}`).join(', ');
}

/** The process's sockets as `ss` shows them (TCP with both ends, Unix with its path), one line each. */
export function describeSockets(pid) {
  const lines = [];
  for (const family of ['-tanp', '-xanp']) {
    let out = '';
    try {
      out = execFileSync('ss', ['-H', family], { encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const line of out.split('\n')) {
      if (line.includes(`pid=${pid},`)) lines.push(line.replace(/\s+users:.*$/, '').replace(/\s+/g, ' ').trim());
    }
  }
  return lines;
}
