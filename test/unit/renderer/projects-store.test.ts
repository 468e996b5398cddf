import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeClient, type Project } from '../../../electron/contract';
import { createProjectsStore, PROJECTS_REFETCH_MS } from '../../../renderer/src/stores/projects-store';
import { FakeTransport } from './fake-transport';

const project = (name: string): Project => ({
  uuid: '11111111-1111-4111-8111-111111111111',
  name,
  path: `/ws/projects/${name}`,
  external: false,
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('projects store', () => {
  it('lists once at start, then once per burst of projects.changed', async () => {
    let projects = [project('a')];
    const transport = new FakeTransport().handle('projects.list', () => projects);
    const store = createProjectsStore(new BridgeClient(transport));
    const stop = store.getState().start();
    await vi.runAllTimersAsync();
    expect(store.getState()).toMatchObject({ loaded: true, projects: [project('a')], error: undefined });

    projects = [project('a'), project('b')];
    for (let i = 0; i < 5; i++) transport.emit('projects.changed', {});
    await vi.advanceTimersByTimeAsync(PROJECTS_REFETCH_MS - 1);
    expect(transport.named('projects.list')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.named('projects.list')).toHaveLength(2);
    expect(store.getState().projects).toHaveLength(2);

    stop();
    transport.emit('projects.changed', {});
    await vi.runAllTimersAsync();
    expect(transport.named('projects.list')).toHaveLength(2);
  });

  it('says why the list cannot be read', async () => {
    const transport = new FakeTransport().handle('projects.list', () => {
      throw new Error('The workspace folder /ws/projects cannot be used (EACCES)');
    });
    const store = createProjectsStore(new BridgeClient(transport));
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ loaded: true, projects: [], error: expect.stringContaining('EACCES') });
  });

  it('lists again right after creating, so the new project can be opened at once', async () => {
    const transport = new FakeTransport()
      .handle('projects.create', (input) => project((input as { name: string }).name))
      .handle('projects.list', () => [project('fresh')]);
    const store = createProjectsStore(new BridgeClient(transport));
    const created = await store.getState().create('fresh');
    expect(created.name).toBe('fresh');
    expect(store.getState().projects).toEqual([project('fresh')]);
  });
});
