import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpcTransport } from '../../electron/bridge/ipc-transport';
import {
  BridgeClient,
  BridgeRequestError,
  connectSteps,
  newStep,
  readSteps,
  type EventName,
  type EventPayload,
} from '../../electron/contract';
import { OrchestApp } from '../../electron/core/app';
import { isTrustedFrameUrl } from '../../electron/core/policies/navigation-policy';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import { FakeIpc } from '../helpers/fake-ipc';
import { startHostProcess } from '../helpers/host-process';
import { requireDocker } from '../helpers/require-docker';
import { makeTempDir } from '../helpers/temp-dir';

interface Connected {
  client: BridgeClient;
  workspace: string;
  shell: 'host' | 'electron';
  close(): Promise<void>;
}

const transports: Record<string, () => Promise<Connected>> = {
  websocket: async () => {
    const host = await startHostProcess();
    const client = await host.connect();
    return { client, workspace: host.workspace, shell: 'host', close: async () => (client.close(), void (await host.stop())) };
  },
  // Electron's IPC played in this process by FakeIpc; the built preload is tested in test/unit/preload/.
  'simulated IPC': async () => {
    const { dir, cleanup } = await makeTempDir('od-ipc-');
    const settings = createConfSettings(path.join(dir, 'home'));
    settings.update({ workspace: path.join(dir, 'workspace') });
    const app = new OrchestApp({ home: path.join(dir, 'home'), shell: 'electron', version: 'test', settings });
    await app.start();
    const ipc = new FakeIpc();
    const transport = new IpcTransport(ipc, app.bridge, isTrustedFrameUrl);
    const window = ipc.window(1, 'app://orchest/index.html');
    transport.attach(window);
    return {
      client: new BridgeClient(window.transport()),
      workspace: path.join(dir, 'workspace'),
      shell: 'electron',
      close: async () => (transport.dispose(), await app.dispose(), await cleanup()),
    };
  },
};

function nextEvent<N extends EventName>(client: BridgeClient, name: N, timeoutMs = 10_000): Promise<EventPayload<N>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} event within ${timeoutMs} ms`)), timeoutMs);
    const off = client.on(name, (payload) => (clearTimeout(timer), off(), resolve(payload)));
  });
}

async function failure(promise: Promise<unknown>): Promise<BridgeRequestError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BridgeRequestError);
  return error as BridgeRequestError;
}

describe.each(Object.keys(transports))('the bridge over %s', (transportName) => {
  let c: Connected;
  beforeAll(async () => (c = await transports[transportName]!()));
  afterAll(() => c?.close());

  it('answers app.info with the shell it runs in', async () => {
    expect(await c.client.request('app.info', {})).toMatchObject({ shell: c.shell, platform: process.platform });
  });

  it('refuses an unknown request name', async () => {
    const error = await failure(c.client.request('nope.nothing' as 'app.info', {}));
    expect(error.code).toBe('UNKNOWN_REQUEST');
  });

  it('refuses invalid params naming the field', async () => {
    const bad = await failure(c.client.request('projects.create', { name: 'a/b' }));
    expect([bad.code, bad.field]).toEqual(['INVALID_INPUT', 'name']);
    const missing = await failure(c.client.request('files.list', { path: '' } as never));
    expect([missing.code, missing.field]).toEqual(['INVALID_INPUT', 'projectId']);
  });

  it('creates a project, lists it, and tells every caller', async () => {
    const changed = nextEvent(c.client, 'projects.changed');
    const project = await c.client.request('projects.create', { name: 'conformance' });
    await changed;
    expect(project).toMatchObject({ name: 'conformance', path: path.join(c.workspace, 'projects', 'conformance') });
    expect((await c.client.request('projects.list', {})).map((p) => p.uuid)).toContain(project.uuid);
    expect(await c.client.request('pipelines.list', { projectId: project.uuid })).toMatchObject([{ name: 'Main', path: 'main.orchest' }]);
    expect(await c.client.request('environments.list', { projectId: project.uuid })).toMatchObject([{ name: 'Python 3', language: 'python' }]);
  });

  it('lists files inside a project and refuses paths that leave it', async () => {
    const project = await c.client.request('projects.create', { name: 'files' });
    const names = (await c.client.request('files.list', { projectId: project.uuid, path: '' })).map((e) => e.name);
    expect(names).toEqual(['.orchest', '.gitignore', 'main.orchest']);
    await fs.symlink('/etc', path.join(project.path, 'etc-link'));
    for (const escape of ['../', '../../..', 'etc-link', '/etc']) {
      const error = await failure(c.client.request('files.list', { projectId: project.uuid, path: escape }));
      expect([error.code, error.field], escape).toEqual(['FORBIDDEN_PATH', 'path']);
    }
  });

  it('pushes file changes of a watched project to the caller', async () => {
    const project = await c.client.request('projects.create', { name: 'watched' });
    await c.client.request('projects.watch', { projectId: project.uuid }); // answered once the watcher is ready
    const changed = nextEvent(c.client, 'project.filesChanged');
    await fs.writeFile(path.join(project.path, 'new.py'), 'print(1)');
    expect(await changed).toEqual({ projectId: project.uuid, paths: [''] });
    await c.client.request('projects.unwatch', { projectId: project.uuid });
  });

  it('reads a pipeline and saves its services, refusing a stale revision', async () => {
    const project = await c.client.request('projects.create', { name: 'services' });
    const doc = await c.client.request('pipelines.get', { projectId: project.uuid, path: 'main.orchest' });
    const redis = { name: 'redis', image: 'redis', scope: ['interactive'], order: 0, ports: [6379], exposed: false };
    const saved = await c.client.request('pipelines.saveServices', { projectId: project.uuid, path: 'main.orchest', revision: doc.revision, services: { redis } });
    expect(saved.definition.services).toEqual({ redis });
    const stale = await failure(c.client.request('pipelines.saveServices', { projectId: project.uuid, path: 'main.orchest', revision: doc.revision, services: {} }));
    expect([stale.code, stale.field]).toEqual(['CONFLICT', 'revision']);
    const invalid = await failure(c.client.request('pipelines.saveServices', { projectId: project.uuid, path: 'main.orchest', revision: saved.revision, services: { redis: { ...redis, name: 'Redis' } } }));
    expect([invalid.code, invalid.field]).toEqual(['PIPELINE_INVALID', 'services.redis.name']);
  });

  it('creates a step file and saves steps, refusing a stale revision and a cycle', async () => {
    const project = await c.client.request('projects.create', { name: 'steps' });
    const at = { projectId: project.uuid, path: 'main.orchest' };
    const [environment] = await c.client.request('environments.list', { projectId: project.uuid });
    const env = { uuid: environment!.uuid, name: environment!.name!, language: environment!.language! };
    expect(await c.client.request('pipelines.createStepFile', { ...at, filePath: './load.ipynb', environment: env.uuid })).toEqual({ filePath: 'load.ipynb' });
    const doc = await c.client.request('pipelines.get', at);
    const load = newStep({ uuid: randomUUID(), filePath: 'load.ipynb', title: 'load', environment: env, position: [0, 0] });
    const train = newStep({ uuid: randomUUID(), filePath: 'train.py', title: 'train', environment: env, position: [300, 0] });
    const linked = connectSteps({ [load.uuid]: load, [train.uuid]: train }, load.uuid, train.uuid);
    if (!linked.ok) throw new Error(linked.reason);
    const saved = await c.client.request('pipelines.saveSteps', { ...at, revision: doc.revision, steps: linked.steps });
    expect(readSteps(saved.definition.steps)).toEqual(linked.steps);
    const stale = await failure(c.client.request('pipelines.saveSteps', { ...at, revision: doc.revision, steps: {} }));
    expect([stale.code, stale.field]).toEqual(['CONFLICT', 'revision']);
    const looped = { ...linked.steps, [load.uuid]: { ...load, incoming_connections: [train.uuid] } };
    const cycle = await failure(c.client.request('pipelines.saveSteps', { ...at, revision: saved.revision, steps: looped }));
    expect(cycle.code).toBe('PIPELINE_INVALID');
    const bad = await failure(c.client.request('pipelines.saveSteps', { ...at, revision: saved.revision, steps: { x: { uuid: 'x' } } } as never));
    expect(bad.code).toBe('INVALID_INPUT');
  });

  it('keeps project and pipeline variables, and refuses a bad name naming it', async () => {
    const project = await c.client.request('projects.create', { name: 'variables' });
    const [main] = await c.client.request('pipelines.list', { projectId: project.uuid });
    const scope = { projectId: project.uuid, pipelineUuid: main!.uuid! };
    await c.client.request('variables.set', { projectId: project.uuid, variables: { A: 'project', B: 'project' } });
    await c.client.request('variables.set', { ...scope, variables: { B: 'pipeline' } });
    expect(await c.client.request('variables.get', scope)).toEqual({ project: { A: 'project', B: 'project' }, pipeline: { B: 'pipeline' } });
    expect(await c.client.request('variables.effective', scope)).toEqual({ A: 'project', B: 'pipeline' });
    const bad = await failure(c.client.request('variables.set', { ...scope, variables: { 'MY VAR': 'x' } }));
    expect([bad.code, bad.field]).toEqual(['INVALID_INPUT', 'variables.MY VAR']);
  });

  it('reports the Docker engine with its version', async () => {
    await requireDocker();
    expect(await c.client.request('engine.status', { refresh: true })).toMatchObject({ reachable: true, version: expect.any(String) });
  });
});

describe('the IPC transport over simulated IPC', () => {
  it('refuses frames that are not the app, and drops a closed window as a caller', async () => {
    const { dir, cleanup } = await makeTempDir('od-ipc-');
    const settings = createConfSettings(dir);
    settings.update({ workspace: path.join(dir, 'ws') });
    const app = new OrchestApp({ home: dir, shell: 'electron', version: 'test', settings });
    const ipc = new FakeIpc();
    const transport = new IpcTransport(ipc, app.bridge, isTrustedFrameUrl);
    const stranger = new BridgeClient(ipc.window(7, 'https://evil.example/').transport());
    expect((await failure(stranger.request('app.info', {}))).message).toMatch(/only taken from the app window/);
    const window = ipc.window(8, 'app://orchest/index.html');
    await new BridgeClient(window.transport()).request('app.info', {});
    expect(app.bridge.callerCount).toBe(1);
    window.destroy();
    expect(app.bridge.callerCount).toBe(0);
    transport.dispose();
    await app.dispose();
    await cleanup();
  });
});
