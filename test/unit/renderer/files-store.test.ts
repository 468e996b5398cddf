import { describe, expect, it } from 'vitest';
import { BridgeClient, type FileEntry } from '../../../electron/contract';
import { createFilesStore } from '../../../renderer/src/stores/files-store';
import { FakeTransport, settle } from './fake-transport';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const dir = (path: string): FileEntry => ({ name: path.split('/').pop() ?? path, path, kind: 'directory', size: 0 });
const file = (path: string): FileEntry => ({ name: path.split('/').pop() ?? path, path, kind: 'file', size: 5 });

function setup(listings: Record<string, FileEntry[]>) {
  const transport = new FakeTransport()
    .handle('projects.watch', () => ({ ok: true }))
    .handle('projects.unwatch', () => ({ ok: true }))
    .handle('files.list', (input) => {
      const { path } = input as { path: string };
      const entries = listings[path];
      if (!entries) throw new Error(`'${path}' cannot be read`);
      return entries;
    });
  const store = createFilesStore(new BridgeClient(transport));
  const stop = store.getState().start();
  return { transport, store, stop, listings };
}

describe('files store', () => {
  it('watches the project it opens and lists only its top folder', async () => {
    const { transport, store } = setup({ '': [dir('data'), file('a.py')] });
    store.getState().open(A);
    await settle();
    expect(transport.named('projects.watch')).toEqual([{ projectId: A }]);
    expect(transport.named('files.list')).toEqual([{ projectId: A, path: '' }, { projectId: A, path: '' }]); // again once watched
    expect(store.getState().tree.folders['']?.entries).toHaveLength(2);
  });

  it('lists again once the watch is answered, so that a change made before the watcher was ready shows', async () => {
    const { transport, store, listings } = setup({ '': [file('a.py')] });
    let watched!: () => void;
    transport.handle('projects.watch', () => new Promise((resolve) => (watched = () => resolve({ ok: true }))));
    store.getState().open(A);
    await settle();
    expect(store.getState().tree.folders['']?.entries).toEqual([file('a.py')]);
    listings[''] = [file('a.py'), file('b.py')]; // no event tells of it: the watcher was not ready
    watched();
    await settle();
    expect(store.getState().tree.folders['']?.entries).toEqual([file('a.py'), file('b.py')]);
  });

  it('lists a folder the first time it is expanded, not after', async () => {
    const { transport, store } = setup({ '': [dir('data')], data: [file('data/x.csv')] });
    store.getState().open(A);
    await settle();
    transport.calls.length = 0;
    store.getState().toggle('data');
    await settle();
    store.getState().toggle('data');
    store.getState().toggle('data');
    await settle();
    expect(transport.named('files.list')).toEqual([{ projectId: A, path: 'data' }]);
    expect(store.getState().tree.expanded).toEqual({ data: true });
  });

  it('re-lists, on a change event, only the changed folders it holds', async () => {
    const { transport, store, listings } = setup({ '': [dir('data'), dir('src')], data: [] });
    store.getState().open(A);
    await settle();
    store.getState().setExpanded('data', true);
    await settle();
    transport.calls.length = 0;
    listings.data = [file('data/new.csv')];
    transport.emit('project.filesChanged', { projectId: A, paths: ['data', 'src', 'elsewhere'] });
    transport.emit('project.filesChanged', { projectId: B, paths: [''] });
    await settle();
    expect(transport.named('files.list')).toEqual([{ projectId: A, path: 'data' }]);
    expect(store.getState().tree.folders.data?.entries).toEqual([file('data/new.csv')]);
  });

  it('unwatches on close, in order with a quick reopen', async () => {
    const { transport, store } = setup({ '': [] });
    store.getState().open(A);
    store.getState().close();
    store.getState().open(A);
    store.getState().open(B);
    await settle();
    await settle();
    const order = transport.calls.filter((c) => c.name.startsWith('projects.')).map((c) => `${c.name} ${(c.input as { projectId: string }).projectId[0]}`);
    expect(order).toEqual(['projects.watch 1', 'projects.unwatch 1', 'projects.watch 1', 'projects.unwatch 1', 'projects.watch 2']);
    expect(store.getState().projectId).toBe(B);
  });

  it('drops answers that arrive for a project that is no longer open', async () => {
    const { store } = setup({ '': [file('a.py')] });
    store.getState().open(A);
    store.getState().close();
    await settle();
    expect(store.getState().tree.folders).toEqual({});
  });

  it('shows a folder that cannot be read, and tries again on the next expand', async () => {
    const { transport, store, listings } = setup({ '': [dir('locked')] });
    store.getState().open(A);
    await settle();
    transport.calls.length = 0;
    store.getState().setExpanded('locked', true);
    await settle();
    expect(store.getState().tree.folders.locked?.error).toBe("'locked' cannot be read");
    listings.locked = [];
    store.getState().setExpanded('locked', false);
    store.getState().setExpanded('locked', true);
    await settle();
    expect(store.getState().tree.folders.locked).toEqual({ entries: [], loading: false, error: undefined });
    expect(transport.named('files.list')).toHaveLength(2);
  });
});
