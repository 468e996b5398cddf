import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient, Session } from '../../electron/contract';
import { ownerIdOf } from '../../electron/core/app-home';
import { LABELS } from '../../electron/core/docker/labels';
import { runCli, startHostProcess, type HostProcess } from '../helpers/host-process';
import { requireDocker } from '../helpers/require-docker';
import { docker, idleService, labelledResources, removeLabelled, saveServices } from '../helpers/session-app';
import { makeTempDir } from '../helpers/temp-dir';
import { ensureTestImage } from '../helpers/test-images';

const cli = (args: string[], host: HostProcess) => runCli(args, { ...process.env, ORCHEST_DESKTOP_URL: '', ORCHEST_DESKTOP_HOME: host.home });

async function sessionOf(client: BridgeClient, projectId: string, until: (s: Session) => boolean): Promise<Session> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const session = await client.request('sessions.get', { projectId, path: 'main.orchest' });
    if (until(session) || Date.now() > deadline) return session;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('sessions across a crash of the app, through the CLI', () => {
  let busybox: string;
  let dir: { dir: string; cleanup: () => Promise<void> };
  let host: HostProcess | undefined;
  let projectId = '';

  beforeAll(async () => {
    await requireDocker();
    busybox = await ensureTestImage('busybox');
    dir = await makeTempDir('od-recovery-');
  }, 600_000);

  afterAll(async () => {
    await host?.stop();
    if (projectId) await removeLabelled(projectId);
    await dir?.cleanup();
  });

  it('starts a session from the CLI and reports it as JSON', async () => {
    host = await startHostProcess({ dir: dir.dir });
    const client = await host.connect();
    projectId = (await client.request('projects.create', { name: 'recovery' })).uuid;
    await saveServices(client, projectId, {
      web: idleService('web', busybox, { ports: [8000, 8001], exposed: true }),
      worker: idleService('worker', busybox),
    });
    const proxy = await client.request('proxy.status', {});
    client.close();

    const started = await cli(['session', 'start', 'recovery', 'main.orchest', '--json'], host);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    const report = JSON.parse(started.stdout);
    expect(report).toMatchObject({ status: 'running', sessionUuid: expect.stringMatching(/^.{36}$/) });
    expect(report.services).toEqual([
      {
        name: 'web',
        state: 'running',
        restartCount: 0,
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        cpuPercent: expect.any(Number),
        memoryBytes: expect.any(Number),
        memoryLimitBytes: expect.any(Number),
        containerName: `web-${report.sessionUuid}`,
        internalHostname: `web-${report.sessionUuid}`,
        image: busybox,
        ports: [
          { port: 8000, hostPort: expect.any(Number), listening: false, url: `${proxy.origin}/service-web-${report.sessionUuid}_8000/` },
          { port: 8001, hostPort: expect.any(Number), listening: false, url: `${proxy.origin}/service-web-${report.sessionUuid}_8001/` },
        ],
      },
      expect.objectContaining({ name: 'worker', state: 'running' }),
    ]);
    const worker = report.services[1].ports[0];
    expect(worker.tcp).toBe(`127.0.0.1:${worker.hostPort}`);

    const opened = await cli(['open', 'recovery', 'main.orchest', 'web', '8001', '--print'], host);
    expect(opened.code).toBe(0);
    const link = new URL(opened.stdout.trim());
    expect(`${link.origin}${link.pathname}`).toBe(`${proxy.origin}/service-web-${report.sessionUuid}_8001/`);
    const signIn = await fetch(link, { redirect: 'manual' });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly/);
    const notExposed = await cli(['open', 'recovery', 'main.orchest', 'worker', '--print'], host);
    expect(notExposed.code).toBe(1);
    expect(notExposed.stderr).toBe('orchest-desktop: worker is not exposed: mark it exposed in its settings to open it through the proxy\n');
    const text = await cli(['session', 'status', 'recovery', 'Main'], host);
    expect(text.stdout).toMatch(/^Session running\nSERVICE\s+STATE\s+CPU \/ MEMORY\s+HOSTNAME\s+PORTS/);
  });

  it('takes a running session back after kill -9, and removes what a crash left half-made', async () => {
    const client = await host!.connect();
    const before = await client.request('sessions.get', { projectId, path: 'main.orchest' });
    client.close();
    host!.child.kill('SIGKILL');
    await new Promise((resolve) => host!.child.once('exit', resolve));

    // What a crash in the middle of a start leaves: a network and a container that never ran.
    const leftover = `${projectId.slice(0, 18)}leftover-00000000`;
    const labels = [`${LABELS.managed}=true`, `${LABELS.owner}=${ownerIdOf(host!.home)}`, `${LABELS.project}=${projectId}`, `${LABELS.session}=${leftover}`];
    await docker('network', 'create', ...labels.flatMap((l) => ['--label', l]), `orchest-session-${leftover}`);
    await docker('create', ...labels.flatMap((l) => ['--label', l]), '--name', `half-${leftover}`, busybox, 'true');
    // What another instance of the app (another home) runs on the same engine is not ours to touch.
    const foreign = `${projectId.slice(0, 18)}foreign-000000000`;
    const foreignLabels = [`${LABELS.managed}=true`, `${LABELS.owner}=someone-else`, `${LABELS.project}=${projectId}`, `${LABELS.session}=${foreign}`];
    await docker('create', ...foreignLabels.flatMap((l) => ['--label', l]), '--name', `other-${foreign}`, busybox, 'true');

    host = await startHostProcess({ dir: dir.dir });
    const again = await host.connect();
    const after = await sessionOf(again, projectId, (s) => s.status === 'RUNNING');
    expect(after.status).toBe('RUNNING');
    expect(after.services.map((s) => [s.name, s.state, s.ports.map((p) => p.hostPort)])).toEqual(
      before.services.map((s) => [s.name, 'running', s.ports.map((p) => p.hostPort)]),
    );
    const resources = await labelledResources(projectId);
    expect(resources.containers.sort()).toEqual([...before.services.map((s) => s.containerName), `other-${foreign}`].sort());
    await docker('rm', `other-${foreign}`);
    expect(resources.networks).toEqual([`orchest-session-${before.sessionUuid}`]);
    again.close();

    const stopped = await cli(['session', 'stop', 'recovery', 'main.orchest', '--json'], host);
    expect(stopped.code).toBe(0);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ status: 'stopped', services: [] });
    expect(await labelledResources(projectId)).toEqual({ containers: [], networks: [] });
  });

  it('exits 1 with the reason when the session fails to start', async () => {
    const client = await host!.connect();
    await saveServices(client, projectId, { web: idleService('web', '127.0.0.1:9/orchest-desktop-test/absent:1') });
    client.close();
    const started = await cli(['session', 'start', 'recovery', 'main.orchest'], host!);
    expect(started.code).toBe(1);
    expect(started.stderr).toMatch(/^orchest-desktop: the session did not start: web: image .* could not be pulled: .+\n$/);
    expect(started.stdout).toMatch(/^Session failed: web: image '127.0.0.1:9\/orchest-desktop-test\/absent:1' is not on this machine/);
    expect(await labelledResources(projectId)).toEqual({ containers: [], networks: [] });
  });

  it('stops its sessions when it quits, unless told to keep them running', async () => {
    const client = await host!.connect();
    await saveServices(client, projectId, { web: idleService('web', busybox) });
    await client.request('sessions.start', { projectId, path: 'main.orchest', wait: true });
    client.close();
    await host!.stop();
    expect(await labelledResources(projectId)).toEqual({ containers: [], networks: [] });

    host = await startHostProcess({ dir: dir.dir });
    const keeping = await host.connect();
    await keeping.request('settings.update', { keepSessionsRunning: true });
    const kept = await keeping.request('sessions.start', { projectId, path: 'main.orchest', wait: true });
    keeping.close();
    await host.stop();
    expect((await labelledResources(projectId)).containers).toEqual([kept.services[0]!.containerName]);

    host = await startHostProcess({ dir: dir.dir });
    const back = await host.connect();
    expect((await sessionOf(back, projectId, (s) => s.status === 'RUNNING')).status).toBe('RUNNING');
    await back.request('sessions.stop', { projectId, path: 'main.orchest', wait: true });
    back.close();
    expect(await labelledResources(projectId)).toEqual({ containers: [], networks: [] });
  });
});
