// What the benchmarks share: a headless host in a temp folder, its bridge, and clean-up by label.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import WebSocket from 'ws';

export const exec = promisify(execFile);

/** electron/contract/wire.ts BRIDGE_WS_PATH. */
const BRIDGE_WS_PATH = '/bridge';
const REQUEST_TIMEOUT_MS = 180_000;

export function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** The bridge's WebSocket frames (electron/contract/wire.ts: {t:'req'} -> {t:'res'}), without the app's client code. */
export async function connectBridge(url) {
  const parsed = new URL(url);
  const socket = new WebSocket(`ws://${parsed.host}${BRIDGE_WS_PATH}?token=${parsed.searchParams.get('token')}`);
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  const pending = new Map();
  let next = 0;
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.t !== 'res' || !pending.has(frame.id)) return;
    const { resolve, reject, timer } = pending.get(frame.id);
    pending.delete(frame.id);
    clearTimeout(timer);
    if (frame.ok) resolve(frame.value);
    else reject(new Error(`${frame.error.code}: ${frame.error.message}`));
  });
  socket.on('close', () => {
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(new Error('the bridge closed'));
    }
    pending.clear();
  });
  return {
    request: (name, input) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        const timer = setTimeout(() => (pending.delete(id), reject(new Error(`${name}: no answer in ${REQUEST_TIMEOUT_MS / 1000} s`))), REQUEST_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        socket.send(JSON.stringify({ t: 'req', id, name, input }));
      }),
    close: () => socket.close(),
  };
}

export async function startHost(repo, dir) {
  const child = spawn(
    process.execPath,
    [path.join(repo, 'bin/orchest-desktop.mjs'), 'serve', '--no-open', '--port', '0', '--workspace', path.join(dir, 'workspace')],
    { env: { ...process.env, ORCHEST_DESKTOP_HOME: path.join(dir, 'home') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 20 s:\n${output}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /Orchest Desktop is serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    void exited.then((code) => (clearTimeout(timer), reject(new Error(`host exited with ${code}:\n${output}`))));
  });
  return {
    url,
    pid: child.pid,
    /** SIGTERM: the host stops its sessions as it quits (keepSessionsRunning is off in a fresh home). */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Removes this run's containers and networks by label, whatever state the run ended in. */
export async function removeLabelled(label) {
  const ids = async (...args) => (await exec('docker', [...args, '--filter', `label=${label}`])).stdout.split('\n').filter(Boolean);
  const containers = await ids('ps', '-aq');
  if (containers.length) await exec('docker', ['rm', '-f', ...containers]).catch(() => undefined);
  const networks = await ids('network', 'ls', '-q');
  if (networks.length) await exec('docker', ['network', 'rm', ...networks]).catch(() => undefined);
}


/**
 * Runs `work` with a headless host in a temp folder and one project of its; afterwards, however it
 * ended, removes what the project made in Docker (containers, networks, environment images) and the folder.
 */
export async function withBenchProject(repo, name, work) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `od-${name}-`));
  let host;
  let client;
  let project;
  try {
    host = await startHost(repo, dir);
    client = await connectBridge(host.url);
    project = await client.request('projects.create', { name });
    return await work({ host, client, project, dir });
  } finally {
    client?.close();
    await host?.stop();
    if (project) {
      const label = `io.orchest-desktop.project=${project.uuid}`;
      await removeLabelled(label);
      const images = (await exec('docker', ['images', '-a', '-q', '--filter', `label=${label}`])).stdout.split('\n').filter(Boolean);
      if (images.length) await exec('docker', ['rmi', '-f', ...new Set(images)]).catch(() => undefined);
    }
    await fs.rm(dir, { recursive: true, force: true });
  }
}
