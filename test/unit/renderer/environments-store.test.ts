import { describe, expect, it } from 'vitest';
import { BridgeClient, type Environment, type EnvironmentBuild } from '../../../electron/contract';
import { addBuildLogLines, emptyBuildLog, LIVE_LOG_LIMIT } from '../../../renderer/src/stores/build-log-buffer';
import { NEW_ENVIRONMENT, validateEnvironmentFields } from '../../../renderer/src/stores/environment-draft';
import { createEnvironmentsStore } from '../../../renderer/src/stores/environments-store';
import { FakeTransport, settle } from './fake-transport';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const ENV = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';

const environment = (uuid: string, extra: Partial<Environment> = {}): Environment => ({
  ...NEW_ENVIRONMENT, uuid, name: `env ${uuid.slice(0, 1)}`, usedBy: [], ...extra,
});
const build = (extra: Partial<EnvironmentBuild> = {}): EnvironmentBuild => ({
  projectId: PROJECT, environmentUuid: ENV, number: 1, image: `orchest-env-${PROJECT}-${ENV}:1`,
  status: 'STARTED', phase: 'setup', requestedAt: 1, logLines: 0, ...extra,
});

/** Makes `name` fail as the bridge does for invalid input: INVALID_INPUT naming the field (FakeTransport says NOT_FOUND). */
function refuseField(transport: FakeTransport, name: string, field: string, message: string) {
  const answer = transport.request.bind(transport);
  transport.request = async (asked, input) => {
    if (asked !== name) return answer(asked, input);
    transport.calls.push({ name: asked, input });
    transport.request = answer;
    return { ok: false, error: { code: 'INVALID_INPUT', message, field } };
  };
}

/** A bridge with two environments, the store opened on the project, its events followed. */
async function openStore(transport = new FakeTransport()) {
  transport
    .handle('environments.list', () => [ENV, OTHER].map((uuid) => ({ uuid, name: 'x', language: 'python', baseImage: 'b', gpuSupport: false })))
    .handle('environments.get', (input) => environment((input as { uuid: string }).uuid));
  const store = createEnvironmentsStore(new BridgeClient(transport));
  const stop = store.getState().start();
  store.getState().open(PROJECT);
  await settle();
  await settle();
  return { store, transport, stop };
}

describe('environments store', () => {
  it('loads every environment of the project, and says which cannot be read', async () => {
    const transport = new FakeTransport()
      .handle('environments.list', () => [
        { uuid: ENV, name: 'a', language: 'python', baseImage: 'b', gpuSupport: false },
        { uuid: OTHER, name: null, language: null, baseImage: null, gpuSupport: false, error: 'properties.json: Unexpected token' },
      ])
      .handle('environments.get', () => environment(ENV, { image: 'orchest-env-x:2' }));
    const store = createEnvironmentsStore(new BridgeClient(transport));
    store.getState().open(PROJECT);
    await settle();
    await settle();
    expect(store.getState().loaded).toBe(true);
    expect(Object.keys(store.getState().entries)).toEqual([ENV]);
    expect(store.getState().entries[ENV]?.environment.image).toBe('orchest-env-x:2');
    expect(store.getState().unreadable).toEqual([{ path: `.orchest/environments/${OTHER}`, error: 'properties.json: Unexpected token' }]);
    expect(transport.named('environments.get')).toEqual([{ projectId: PROJECT, uuid: ENV }]);
  });

  it('keeps a draft across reloads, saves it, and puts the bridge error next to its field', async () => {
    const { store, transport } = await openStore();
    const draft = { ...NEW_ENVIRONMENT, name: 'Renamed', baseImage: 'bad image' };
    store.getState().edit(ENV, draft);
    await store.getState().reload();
    expect(store.getState().entries[ENV]?.draft).toBe(draft);

    refuseField(transport, 'environments.update', 'fields.baseImage', 'fields.baseImage: An image name has no spaces');
    expect(await store.getState().save(ENV)).toBe(false);
    expect(store.getState().entries[ENV]).toMatchObject({ saving: false, fieldErrors: { baseImage: 'An image name has no spaces' }, draft });

    transport.handle('environments.update', () => environment(ENV, { name: 'Renamed', baseImage: 'good' }));
    store.getState().edit(ENV, { ...draft, baseImage: 'good' });
    expect(await store.getState().save(ENV)).toBe(true);
    expect(store.getState().entries[ENV]).toMatchObject({ draft: undefined, fieldErrors: {}, environment: { name: 'Renamed' } });
    expect(transport.named('environments.update').at(-1)).toEqual({ projectId: PROJECT, uuid: ENV, fields: { ...draft, baseImage: 'good' } });
  });

  it('checks the fields as the main process does', () => {
    expect(validateEnvironmentFields(NEW_ENVIRONMENT)).toEqual({});
    expect(validateEnvironmentFields({ ...NEW_ENVIRONMENT, name: ' ', baseImage: 'a b' })).toEqual({
      name: 'Give the environment a name',
      baseImage: 'An image name has no spaces',
    });
  });

  it('follows build events into the right environment: status, history, image and live log', async () => {
    const { store, transport, stop } = await openStore();
    transport.handle('environments.builds', () => []);
    await store.getState().loadBuilds(ENV);
    transport.emit('environments.buildChanged', { build: build({ status: 'PENDING', phase: 'queued' }), lines: [] });
    transport.emit('environments.buildChanged', { build: build({ logLines: 2 }), lines: ['Step 1/4 : FROM busybox', 'hello'] });
    transport.emit('environments.buildChanged', { build: build({ logLines: 3 }), lines: ['world'] });
    transport.emit('environments.buildChanged', { build: build({ logLines: 3 }), lines: ['world'] }); // told twice: kept once
    transport.emit('environments.buildChanged', { build: build({ status: 'SUCCESS', phase: 'done', logLines: 3 }), lines: [] });
    transport.emit('environments.buildChanged', { build: build({ projectId: OTHER }), lines: ['elsewhere'] });

    const entry = store.getState().entries[ENV]!;
    expect(entry.environment.lastBuild).toMatchObject({ status: 'SUCCESS', phase: 'done' });
    expect(entry.environment.image).toBe(`orchest-env-${PROJECT}-${ENV}:1`);
    expect(entry.builds?.map((b) => [b.number, b.status])).toEqual([[1, 'SUCCESS']]);
    expect(entry.log).toMatchObject({ number: 1, start: 1, lines: ['Step 1/4 : FROM busybox', 'hello', 'world'] });
    expect(store.getState().entries[OTHER]?.environment.lastBuild).toBeUndefined();

    // A newer build takes the log over.
    transport.emit('environments.buildChanged', { build: build({ number: 2, status: 'PENDING', phase: 'queued' }), lines: [] });
    expect(store.getState().entries[ENV]?.log).toMatchObject({ number: 2, lines: [] });
    expect(store.getState().entries[ENV]?.builds?.map((b) => b.number)).toEqual([2, 1]);
    stop();
  });

  it('starts and cancels builds, and says why a build could not start', async () => {
    const { store, transport } = await openStore();
    transport.handle('environments.build', () => {
      throw new Error('Docker is not reachable');
    });
    expect(await store.getState().build(ENV)).toBeUndefined();
    expect(store.getState().entries[ENV]?.error).toBe('The build could not start: Docker is not reachable');
    transport.handle('environments.build', () => build({ status: 'PENDING', phase: 'queued' }));
    expect(await store.getState().build(ENV)).toMatchObject({ number: 1 });
    expect(store.getState().entries[ENV]).toMatchObject({ error: undefined, environment: { lastBuild: { status: 'PENDING' } } });
    transport.handle('environments.cancelBuild', () => build({ status: 'ABORTED', error: 'cancelled' }));
    await store.getState().cancelBuild(ENV);
    expect(store.getState().entries[ENV]?.environment.lastBuild).toMatchObject({ status: 'ABORTED' });
  });

  it('shows the last lines of a long log, and the whole log in pages on demand', async () => {
    const total = LIVE_LOG_LIMIT + 1500;
    const all = Array.from({ length: total }, (_, i) => `line ${i + 1}`);
    const { store, transport } = await openStore();
    transport
      .handle('environments.builds', () => [build({ status: 'FAILURE', logLines: total })])
      .handle('environments.buildLog', (input) => {
        const from = (input as { from?: number }).from ?? 1;
        return { lines: all.slice(from - 1, from - 1 + LIVE_LOG_LIMIT), total };
      });
    await store.getState().loadBuilds(ENV);
    await settle();
    const log = store.getState().entries[ENV]!.log!;
    expect(log).toMatchObject({ number: 1, start: 1501, full: false });
    expect(log.lines).toHaveLength(LIVE_LOG_LIMIT);
    expect(log.lines.at(-1)).toBe(`line ${total}`);

    await store.getState().loadFullLog(ENV);
    const full = store.getState().entries[ENV]!.log!;
    expect(full).toMatchObject({ start: 1, full: true });
    expect(full.lines).toEqual(all);
    expect(transport.named('environments.buildLog').map((i) => (i as { from: number }).from)).toEqual([1501, 1, 5001]);
  });

  it('removes an environment, and passes on why the main process refused', async () => {
    const { store, transport } = await openStore();
    transport.handle('environments.delete', () => {
      throw new Error('The environment is in use by main.orchest: web; stop that session first');
    });
    await expect(store.getState().remove(ENV)).rejects.toThrow(/in use by main.orchest: web/);
    expect(store.getState().entries[ENV]).toBeDefined();
    transport.handle('environments.delete', () => ({ ok: true }));
    await store.getState().remove(ENV);
    expect(store.getState().entries[ENV]).toBeUndefined();
  });

  it('creates a new environment with Orchest\'s defaults', async () => {
    const { store, transport } = await openStore();
    const NEW = '44444444-4444-4444-8444-444444444444';
    transport.handle('environments.create', () => environment(NEW));
    expect(await store.getState().create()).toBe(NEW);
    expect(transport.named('environments.create')).toEqual([{ projectId: PROJECT, fields: NEW_ENVIRONMENT }]);
    expect(NEW_ENVIRONMENT).toMatchObject({ name: 'Python 3', baseImage: 'orchest/base-kernel-py', language: 'python' });
    expect(NEW_ENVIRONMENT.setupScript.startsWith('#!/bin/bash\n')).toBe(true);
  });
});

describe('build log buffer', () => {
  it('adds lines by number, without repeats, and keeps only the last ones', () => {
    let log = addBuildLogLines(emptyBuildLog(1), 1, ['a', 'b', 'c'], 4);
    log = addBuildLogLines(log, 2, ['b', 'c', 'd', 'e'], 4);
    expect(log).toMatchObject({ start: 2, lines: ['b', 'c', 'd', 'e'] });
    expect(addBuildLogLines(log, 3, ['c'], 4)).toBe(log);
    expect(addBuildLogLines(log, 9, ['i'], 4)).toMatchObject({ start: 9, lines: ['i'] });
  });
});
