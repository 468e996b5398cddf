import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/contract';
import { CLI, startHostProcess, type HostProcess } from '../helpers/host-process';
import { requireDocker } from '../helpers/require-docker';
import { docker, idleService, labelledResources, removeLabelled, saveServices } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';
import { makeTempDir } from '../helpers/temp-dir';

/** `serve` on the given home; resolves with how it ended and what it said. */
function serveOnce(home: string, workspace: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--no-open', '--port', '0', '--workspace', workspace], {
      env: { ...process.env, ORCHEST_DESKTOP_HOME: home },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
    // A second host that starts anyway is a failure of this test: it is stopped once it says it serves.
    child.stdout.on('data', () => output.includes('is serving at') && child.kill('SIGTERM'));
  });
}

describe('one app per home', () => {
  const stops: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function host(dir?: string): Promise<HostProcess> {
    const started = await startHostProcess(dir ? { dir } : {});
    stops.push(() => started.stop());
    return started;
  }

  it('refuses a second host on the same home, naming where the first serves and its pid', async () => {
    const first = await host();
    const second = await serveOnce(first.home, first.workspace);
    expect(second.code).toBe(1);
    expect(second.output.trim()).toBe(`orchest-desktop: Orchest Desktop is already running at ${first.url} (pid ${first.child.pid})`);
  });

  it('takes over the lock of a host that crashed', async () => {
    const { dir, cleanup } = await makeTempDir('od-home-');
    stops.push(cleanup);
    const crashed = await startHostProcess({ dir });
    crashed.child.kill('SIGKILL');
    await crashed.stop();
    const next = await host(dir);
    expect(next.output()).toContain('is serving at');
  });

  it('leaves the containers and networks of a host on another home alone', async () => {
    await requireDocker();
    const busybox = await ensureTestImage('busybox');
    const a = await host();
    const bridgeA = await a.connect();
    const project = await bridgeA.request('projects.create', { name: 'left-alone' });
    stops.push(() => removeLabelled(project.uuid));
    await saveServices(bridgeA, project.uuid, { idle: idleService('idle', busybox) });
    const started: Session = await bridgeA.request('sessions.start', { projectId: project.uuid, path: 'main.orchest', wait: true });
    expect(started.status).toBe('RUNNING');
    const before = await labelledResources(project.uuid);

    // Another home starts, takes back what is its own (nothing) and runs and stops a session of its own.
    const b = await host();
    const bridgeB = await b.connect();
    const other = await bridgeB.request('projects.create', { name: 'elsewhere' });
    stops.push(() => removeLabelled(other.uuid));
    await saveServices(bridgeB, other.uuid, { idle: idleService('idle', busybox) });
    expect((await bridgeB.request('sessions.start', { projectId: other.uuid, path: 'main.orchest', wait: true })).status).toBe('RUNNING');
    expect((await bridgeB.request('sessions.stop', { projectId: other.uuid, path: 'main.orchest', wait: true })).status).toBe('STOPPED');
    bridgeB.close();
    await b.stop();

    expect(await labelledResources(project.uuid)).toEqual(before);
    expect(await docker('inspect', '--format', '{{.State.Status}}', before.containers[0]!)).toBe('running');
    expect((await bridgeA.request('sessions.get', { projectId: project.uuid, path: 'main.orchest' })).status).toBe('RUNNING');
    expect(path.dirname(a.home)).not.toBe(path.dirname(b.home));
    bridgeA.close();
  });
});
