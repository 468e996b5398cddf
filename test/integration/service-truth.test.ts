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
    later: scripted('later', busybox, `${waitFor('exit-now')}; echo leaving; exit 5`),
    hungry: scripted('hungry', busybox, `${waitFor('eat')}; head -c 300m /dev/zero | tail; exit $?`),
    steady: idleService('steady', busybox),
  });
  started = await current.app.sessions.start(current.project.uuid, PIPELINE, true);
}, 120_000);

afterAll(() => current?.close());

describe("a session's services as the engine has them", () => {
  it('shows a service whose command fails at once as exited with its code, never as running', () => {
    expect(started.status).toBe('RUNNING');
    const instant = started.services.find((s) => s.name === 'instant');
    expect(instant).toMatchObject({ state: 'exited', exitCode: 127, oomKilled: false, finishedAt: expect.any(String) });
    expect(instant?.ports.every((p) => !p.listening)).toBe(true);
    expect(sessionShortfall(started)).toBe('1 of 4 services is not running');
  });

  it('shows a service that exits later as exited, with when', async () => {
    expect(await service('later')).toMatchObject({ state: 'running', startedAt: expect.any(String) });
    await trigger('exit-now');
    const later = await pollUntil(() => service('later'), (s) => s?.state === 'exited', 'the later exit to be seen');
    expect(later).toMatchObject({ exitCode: 5, oomKilled: false });
    expect(Date.parse(later!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(later!.startedAt!));
  });

  it('says when the kernel killed a service for want of memory', async () => {
    const hungry = await service('hungry');
    await docker('update', '--memory', '16m', '--memory-swap', '16m', hungry!.containerName);
    await trigger('eat');
    const killed = await pollUntil(() => service('hungry'), (s) => s?.state === 'exited', 'the OOM kill to be seen');
    expect(killed).toMatchObject({ exitCode: 137, oomKilled: true });
  });

  it('shows a container removed from outside as removed', async () => {
    const steady = await service('steady');
    await docker('rm', '-f', steady!.containerName);
    await pollUntil(() => service('steady'), (s) => s?.state === 'removed', 'the removal to be seen');
    expect((await current.app.sessions.get(current.project.uuid, PIPELINE)).status).toBe('RUNNING');
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
