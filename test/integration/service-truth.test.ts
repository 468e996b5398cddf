import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionShortfall, type Session, type SessionService } from '../../electron/contract';
import { runCli, startHostProcess } from '../helpers/host-process';
import { pollUntil } from '../helpers/poll';
import { requireDocker } from '../helpers/require-docker';
import { docker, idleService, removeLabelled, saveServices, startSessionApp, type SessionApp } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

const PIPELINE = 'main.orchest';
let current: SessionApp;
let started: Session;

/** A busybox service that runs `script` with the project at /project-dir, where the test drops its triggers. */
const scripted = (name: string, image: string, script: string) =>
  idleService(name, image, { args: `-c '${script}'`, binds: { '/project-dir': '/project-dir' } });
const waitFor = (trigger: string) => `while [ ! -e /project-dir/${trigger} ]; do sleep 0.1; done`;

const service = async (name: string): Promise<SessionService | undefined> =>
  (await current.app.sessions.get(current.project.uuid, PIPELINE)).services.find((s) => s.name === name);
const trigger = (name: string) => fs.writeFile(path.join(current.project.path, name), '');

beforeAll(async () => {
  await requireDocker();
  const busybox = await ensureTestImage('busybox');
  current = await startSessionApp('truth');
  await current.setServices({
    instant: scripted('instant', busybox, 'echo "exec: docker-entrypoint.sh: not found" >&2; exit 127'),
    done: scripted('done', busybox, `${waitFor('finish')}; echo finished; exit 0`),
    // Runs until the test says so, then fails at every start.
    looping: scripted('looping', busybox, `${waitFor('loop')}; echo failing again >&2; exit 7`),
    // Fails once, when the test says so; Docker starts it again, and then it runs.
    once: scripted('once', busybox, `[ -e /project-dir/failed-once ] && exec sleep 100000; ${waitFor('fail')}; touch /project-dir/failed-once; exit 5`),
    hungry: scripted('hungry', busybox, `${waitFor('eat')}; head -c 300m /dev/zero | tail; exit $?`),
    steady: idleService('steady', busybox),
  });
  started = await current.app.sessions.start(current.project.uuid, PIPELINE, true);
}, 120_000);

afterAll(() => current?.close());

const isDown = (s: SessionService | undefined) => s !== undefined && s.state !== 'running';

describe("a session's services as the engine has them", () => {
  it('shows a service whose command fails at once as exited with its code, never as running, and leaves it so', () => {
    expect(started.status).toBe('RUNNING');
    const instant = started.services.find((s) => s.name === 'instant');
    expect(instant).toMatchObject({ state: 'exited', exitCode: 127, oomKilled: false, restartCount: 0, finishedAt: expect.any(String) });
    expect(instant?.ports.every((p) => !p.listening)).toBe(true);
    expect(sessionShortfall(started)).toBe('1 of 6 services is not running');
  });

  it('says crash-looping of a service that ran, then fails at every start', async () => {
    expect(await service('looping')).toMatchObject({ state: 'running' });
    await trigger('loop');
    const looping = await pollUntil(() => service('looping'), (s) => s?.state === 'crash-looping', 'the crash loop to be seen');
    expect(looping).toMatchObject({ exitCode: 7 });
    expect(looping!.restartCount).toBeGreaterThanOrEqual(3);
  });

  it('shows a service that ends well later as exited with code 0, with when, and leaves it so', async () => {
    expect(await service('done')).toMatchObject({ state: 'running', startedAt: expect.any(String) });
    await trigger('finish');
    const done = await pollUntil(() => service('done'), isDown, 'the end to be seen');
    expect(done).toMatchObject({ state: 'exited', exitCode: 0, oomKilled: false, restartCount: 0 });
    expect(Date.parse(done!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done!.startedAt!));
  });

  it('has Docker start a crashed service again, as Orchest did, and counts the restart', async () => {
    expect(await service('once')).toMatchObject({ state: 'running', restartCount: 0 });
    await trigger('fail');
    const back = await pollUntil(() => service('once'), (s) => s?.state === 'running' && s.restartCount === 1, 'the restart to be seen');
    expect(back?.exitCode).toBeUndefined();
  });

  it('says when the kernel killed a service for want of memory', async () => {
    const hungry = await service('hungry');
    await docker('update', '--memory', '16m', '--memory-swap', '16m', hungry!.containerName);
    await trigger('eat');
    const killed = await pollUntil(() => service('hungry'), (s) => isDown(s) && s?.oomKilled === true, 'the OOM kill to be seen');
    expect(killed).toMatchObject({ exitCode: 137, oomKilled: true });
  });

  it('restarts one service on request, and shows a container removed from outside as removed', async () => {
    const before = await service('steady');
    const restarted = await current.app.sessions.restartService(current.project.uuid, PIPELINE, 'steady');
    const after = restarted.services.find((s) => s.name === 'steady');
    expect(after?.state).toBe('running');
    expect(Date.parse(after!.startedAt!)).toBeGreaterThan(Date.parse(before!.startedAt!));

    await docker('rm', '-f', after!.containerName);
    await pollUntil(() => service('steady'), (s) => s?.state === 'removed', 'the removal to be seen');
    expect((await current.app.sessions.get(current.project.uuid, PIPELINE)).status).toBe('RUNNING');
    await expect(current.app.sessions.restartService(current.project.uuid, PIPELINE, 'steady')).rejects.toThrow(/container was removed: restart the session/);
  });
});

describe('the CLI on a session that lacks a service', () => {
  it('exits 1 from session start, naming the service, and session status --json says why', async () => {
    const busybox = await ensureTestImage('busybox');
    const host = await startHostProcess();
    const client = await host.connect();
    const project = await client.request('projects.create', { name: 'lacking' });
    try {
      await saveServices(client, project.uuid, { broken: idleService('broken', busybox, { args: '-c "exit 127"' }) });
      const cli = (...args: string[]) => runCli(args, { ...process.env, ORCHEST_DESKTOP_URL: host.url });
      const start = await cli('session', 'start', 'lacking', 'main.orchest');
      expect(start.code).toBe(1);
      expect(start.stderr).toBe('orchest-desktop: the session runs, but 1 of 1 service is not running: broken exited (code 127)\n');
      const status = JSON.parse((await cli('session', 'status', 'lacking', 'main.orchest', '--json')).stdout);
      expect(status).toMatchObject({
        status: 'running',
        degraded: '1 of 1 service is not running',
        services: [{ name: 'broken', state: 'exited', exitCode: 127, oomKilled: false, restartCount: 0, startedAt: expect.any(String), finishedAt: expect.any(String) }],
      });
    } finally {
      client.close();
      await host.stop();
      await removeLabelled(project.uuid);
    }
  });
});

describe('a service whose image has a HEALTHCHECK', () => {
  it('shows the check: starting, then healthy once it passes', async () => {
    const busybox = await ensureTestImage('busybox');
    const image = 'orchest-desktop-test/healthcheck:1';
    const dockerfile = `FROM ${busybox}\nHEALTHCHECK --interval=1s --start-period=60s CMD test -e /tmp/healthy\n`;
    await docker('image', 'inspect', image).catch(() => buildFromStdin(image, dockerfile));
    const app = await startSessionApp('health');
    try {
      await app.setServices({ checked: idleService('checked', image) });
      const session = await app.app.sessions.start(app.project.uuid, PIPELINE, true);
      const checked = session.services[0]!;
      expect(checked).toMatchObject({ state: 'running', health: 'starting' });
      await docker('exec', checked.containerName, 'touch', '/tmp/healthy');
      const read = async () => (await app.app.sessions.get(app.project.uuid, PIPELINE)).services[0];
      await pollUntil(read, (s) => s?.health === 'healthy', 'the check to pass');
    } finally {
      await app.close();
    }
  });
});

/** docker build with the Dockerfile on stdin and no context: no registry is asked, FROM is local. */
async function buildFromStdin(tag: string, dockerfile: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const build = spawn('docker', ['build', '-t', tag, '-'], { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, DOCKER_BUILDKIT: '0' } });
    let stderr = '';
    build.stderr.on('data', (chunk) => (stderr += chunk));
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker build ${tag} failed: ${stderr}`))));
    build.stdin.end(dockerfile);
  });
}
