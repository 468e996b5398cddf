import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BridgeRequestError } from '../../electron/contract';
import { sessionUuidOf } from '../../electron/core/sessions/session-identity';
import { startHostProcess } from '../helpers/host-process';
import { requireDocker } from '../helpers/require-docker';
import { docker, idleService, labelledResources, startSessionApp, type SessionApp } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';
import { pollUntil } from '../helpers/poll';

let busybox: string;
let debian: string;
let current: SessionApp | undefined;

beforeAll(async () => {
  await requireDocker();
  [busybox, debian] = await Promise.all([ensureTestImage('busybox'), ensureTestImage('debian')]);
}, 600_000);

afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function open(): Promise<SessionApp> {
  current = await startSessionApp();
  return current;
}

describe('interactive sessions on the Docker engine', () => {
  it('runs Redis that a client on the session network reaches by its internal hostname', async () => {
    const { app, project, setServices } = await open();
    await setServices({
      redis: idleService('redis', debian, { command: 'redis-server', args: '--protected-mode no', ports: [6379] }),
    });
    const session = await app.sessions.start(project.uuid, 'main.orchest', true);
    expect(session.status).toBe('RUNNING');
    const [redis] = session.services;
    expect(redis).toMatchObject({ name: 'redis', state: 'running', internalHostname: `redis-${session.sessionUuid}` });
    expect(redis!.ports[0]!.hostPort).toEqual(expect.any(Number));
    const network = `orchest-session-${session.sessionUuid}`;
    const client = (command: string) => docker('run', '--rm', '--network', network, debian, 'sh', '-c', command);
    const host = redis!.internalHostname;
    await pollUntil(() => client(`redis-cli -h ${host} PING || true`), (out) => out === 'PONG', 'Redis answering');
    expect(await client(`redis-cli -h ${host} SET greeting "hello from a client"`)).toBe('OK');
    expect(await client(`redis-cli -h ${host} GET greeting`)).toBe('hello from a client');
    const listening = await pollUntil(
      async () => (await app.sessions.get(project.uuid, 'main.orchest')).services[0]!.ports[0]!.listening,
      (value) => value,
      'port 6379 accepting connections',
    );
    expect(listening).toBe(true);
  });

  it('maps command, quoted args, variables and $BASE_PATH_PREFIX as Orchest did', async () => {
    const { app, project, setServices } = await open();
    await app.variables.set(project.uuid, undefined, { SHARED: 'from the project', ONLY_PROJECT: 'p' });
    await setServices({
      web: idleService('web', busybox, {
        args: `-c "echo 'two words' \\"double\\"; while :; do sleep 1; done" ignored-arg`,
        env_variables: { SHARED: 'own value', OWN: 'mine', PREFIX: '$BASE_PATH_PREFIX_8000' },
        env_variables_inherit: ['SHARED', 'NOT_SET_ANYWHERE'],
        ports: [8000],
        binds: { '/project-dir': '/project-dir' },
      }),
    });
    const session = await app.sessions.start(project.uuid, 'main.orchest', true);
    expect(session.status).toBe('RUNNING');
    const name = `web-${session.sessionUuid}`;
    const inspected = JSON.parse(await docker('inspect', name))[0];
    expect(inspected.Config.Entrypoint).toEqual(['sh']);
    expect(inspected.Config.Cmd).toEqual(['-c', `echo 'two words' "double"; while :; do sleep 1; done`, 'ignored-arg']);
    expect(inspected.HostConfig).toMatchObject({ Init: true, CpuShares: 500 }); // Orchest's weight for user services
    const env = (await docker('exec', name, 'env')).split('\n');
    expect(env).toEqual(
      expect.arrayContaining([
        'SHARED=from the project',
        'OWN=mine',
        `PREFIX=service-web-${session.sessionUuid}_8000`,
        `ORCHEST_SESSION_UUID=${session.sessionUuid}`,
        'ORCHEST_SESSION_TYPE=interactive',
        'ORCHEST_PIPELINE_PATH=/pipeline.json',
      ]),
    );
    expect(env.some((line) => line.startsWith('ONLY_PROJECT='))).toBe(false);
    expect(await docker('exec', name, 'sh', '-c', 'ls /project-dir/main.orchest && head -c 1 /pipeline.json')).toBe(
      '/project-dir/main.orchest\n{',
    );
    expect(await docker('exec', name, 'sh', '-c', 'echo x >> /pipeline.json 2>/dev/null || echo read-only')).toBe('read-only');
    expect(await docker('logs', name)).toBe('two words double');
  });

  it('makes one session of two starts at once, and returns a running one as it is', async () => {
    const { app, project, setServices } = await open();
    await setServices({ a: idleService('a', busybox), b: idleService('b', busybox, { ports: [80] }) });
    const [first, second] = await Promise.all([
      app.sessions.start(project.uuid, 'main.orchest'),
      app.sessions.start(project.uuid, 'main.orchest'),
    ]);
    expect(first.sessionUuid).toBe(second.sessionUuid);
    const running = await app.sessions.start(project.uuid, 'main.orchest', true);
    expect(running.status).toBe('RUNNING');
    expect(running.services.map((s) => s.state)).toEqual(['running', 'running']);
    expect((await labelledResources(project.uuid)).containers).toHaveLength(2);

    // The services are read when the session starts: an edit shows after a restart, not before.
    await setServices({ a: idleService('a', busybox), c: idleService('c', busybox) });
    expect((await app.sessions.get(project.uuid, 'main.orchest')).services.map((s) => s.name)).toEqual(['a', 'b']);
    const restarted = await app.sessions.restart(project.uuid, 'main.orchest', true);
    expect(restarted.status).toBe('RUNNING');
    expect(restarted.services.map((s) => s.name)).toEqual(['a', 'c']);
    const stopped = await app.sessions.stop(project.uuid, 'main.orchest', true);
    expect(stopped).toMatchObject({ status: 'STOPPED', services: [] });
    expect(await labelledResources(project.uuid)).toEqual({ containers: [], networks: [] });
    expect(app.sessions.list()).toEqual([]);
  });

  it('rolls the whole session back when one service cannot start, and says why', async () => {
    const { app, project, setServices, events } = await open();
    // A registry on a closed local port: the pull fails at once, and nothing leaves the machine.
    const missing = '127.0.0.1:9/orchest-desktop-test/absent:1';
    await setServices({ ok: idleService('ok', busybox), broken: idleService('broken', missing) });
    const session = await app.sessions.start(project.uuid, 'main.orchest', true);
    expect(session.status).toBe('FAILED');
    expect(session.error?.service).toBe('broken');
    expect(session.error?.message).toMatch(new RegExp(`^broken: image '${missing}' is not on this machine and could not be pulled: .+`));
    expect(session.services.find((s) => s.name === 'broken')).toMatchObject({ state: 'failed' });
    expect(events.map((e) => e.status)).toContain('LAUNCHING');
    expect(await labelledResources(project.uuid)).toEqual({ containers: [], networks: [] });
    const log = await fs.readFile(
      path.join(project.path, '.orchest', 'pipelines', session.pipelineUuid, 'logs', 'broken.log'),
      'utf8',
    );
    expect(log).toMatch(/^[0-9a-f-]{36}\n.*could not be pulled/);
    // Stopping a failed session clears it.
    const cleared = await app.sessions.stop(project.uuid, 'main.orchest', true);
    expect(cleared).toMatchObject({ status: 'STOPPED', services: [] });
    expect(cleared.error).toBeUndefined();
    expect(app.sessions.list()).toEqual([]);
  });

  it('refuses a container name taken by something else and leaves that container alone', async () => {
    const { app, project, setServices } = await open();
    await setServices({ a: idleService('a', busybox) });
    const pipelineUuid = (await app.pipelines.get(project.uuid, 'main.orchest')).definition.uuid as string;
    const squatter = `a-${sessionUuidOf(project.uuid, pipelineUuid)}`;
    await docker('create', '--name', squatter, busybox, 'true');
    try {
      const session = await app.sessions.start(project.uuid, 'main.orchest', true);
      expect(session.status).toBe('FAILED');
      expect(session.error?.message).toContain(`a container named ${squatter} already exists`);
      expect(await labelledResources(project.uuid)).toEqual({ containers: [], networks: [] });
      expect(await docker('ps', '-a', '--filter', `name=${squatter}`, '--format', '{{.Names}}')).toBe(squatter);
    } finally {
      await docker('rm', '-f', squatter);
    }
  });

  it("stops a pipeline's session when the pipeline is deleted", async () => {
    const { project, setServices, request } = await open();
    await setServices({ a: idleService('a', busybox) });
    await request('sessions.start', { projectId: project.uuid, path: 'main.orchest', wait: true });
    expect((await labelledResources(project.uuid)).containers).toHaveLength(1);
    await request('pipelines.delete', { projectId: project.uuid, path: 'main.orchest' });
    expect(await labelledResources(project.uuid)).toEqual({ containers: [], networks: [] });
    expect(await request('sessions.list', {})).toEqual([]);
  });

  it('runs a service on the newest build of an environment', async () => {
    const { app, project, setServices } = await open();
    const env = '7e6f3f4a-1111-4222-8333-944455556666';
    const image = `orchest-env-${project.uuid}-${env}`;
    await docker('tag', busybox, `${image}:1`);
    await docker('tag', busybox, `${image}:12`);
    await docker('tag', busybox, `${image}:3`);
    try {
      await setServices({ a: idleService('a', `environment@${env}`, { binds: { '/data': '/data' } }) });
      const session = await app.sessions.start(project.uuid, 'main.orchest', true);
      expect(session.status).toBe('RUNNING');
      expect(session.services[0]!.image).toBe(`${image}:12`);
      expect(await docker('exec', `a-${session.sessionUuid}`, 'ls', '-d', '/data')).toBe('/data');
    } finally {
      await app.sessions.stop(project.uuid, 'main.orchest', true);
      await docker('rmi', `${image}:1`, `${image}:12`, `${image}:3`);
    }
  });

  it('tells which environment to build when a service uses one without an image', async () => {
    const { app, project, setServices } = await open();
    const env = '6d5f3f4a-1111-4222-8333-944455556666';
    await setServices({ a: idleService('a', `environment@${env}`) });
    await expect(app.sessions.start(project.uuid, 'main.orchest', true)).rejects.toThrow(
      `environment@${env}: that environment has no successful build yet`,
    );
    expect(await labelledResources(project.uuid)).toEqual({ containers: [], networks: [] });
  });
});

describe('sessions without an engine', () => {
  it('refuses to start with the engine address and what is wrong, and starts nothing', async () => {
    const host = await startHostProcess({ env: { DOCKER_HOST: 'unix:///tmp/orchest-desktop-no-engine.sock' } });
    try {
      const client = await host.connect();
      const { uuid: projectId } = await client.request('projects.create', { name: 'no-engine' });
      const error = await client.request('sessions.start', { projectId, path: 'main.orchest' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BridgeRequestError);
      expect(error).toMatchObject({ code: 'DOCKER_UNAVAILABLE' });
      expect((error as Error).message).toMatch(
        /^The Docker engine does not answer at unix:\/\/\/tmp\/orchest-desktop-no-engine\.sock \(.+\); start it and try again$/,
      );
      client.close();
    } finally {
      await host.stop();
    }
  });
});
