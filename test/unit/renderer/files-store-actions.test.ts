import { describe, expect, it } from 'vitest';
import { BridgeClient, type FileEntry } from '../../../electron/contract';
import { createFilesStore, joinPath, parentOf } from '../../../renderer/src/stores/files-store';
import { FakeTransport, settle } from './fake-transport';

const A = '11111111-1111-4111-8111-111111111111';
const entry = (path: string, kind: FileEntry['kind'] = 'file'): FileEntry => ({ name: path.split('/').pop()!, path, kind, size: 0 });

function setup() {
  const transport = new FakeTransport()
    .handle('projects.watch', () => ({ ok: true }))
    .handle('files.list', () => [])
    .handle('files.createFile', (input) => entry((input as { path: string }).path))
    .handle('files.createFolder', (input) => entry((input as { path: string }).path, 'directory'))
    .handle('files.move', (input) => {
      const { to } = input as { to: string };
      if (to.startsWith('taken')) throw Object.assign(new Error(`'${to}' already exists`), { code: 'CONFLICT' });
      return entry(to);
    })
    .handle('files.delete', () => ({ trashed: false }));
  const store = createFilesStore(new BridgeClient(transport));
  store.getState().open(A);
  return { transport, store };
}

describe('files store actions', () => {
  it('creates in a folder, opens that folder, lists it again and selects the new entry', async () => {
    const { transport, store } = setup();
    await settle();
    const before = transport.named('files.list').length;
    await store.getState().create('file', 'src', 'main.py');
    expect(transport.named('files.createFile')).toEqual([{ projectId: A, path: 'src/main.py' }]);
    expect(transport.named('files.list').slice(before)).toContainEqual({ projectId: A, path: 'src' });
    expect(store.getState().tree.expanded.src).toBe(true);
    expect(store.getState().selected).toBe('src/main.py');
    await store.getState().create('folder', '', 'data');
    expect(transport.named('files.createFolder')).toEqual([{ projectId: A, path: 'data' }]);
  });

  it('moves, lists both folders again, and passes a refusal on', async () => {
    const { transport, store } = setup();
    await settle();
    const before = transport.named('files.list').length;
    await store.getState().move('src/a.py', 'data/a.py');
    expect(transport.named('files.list').slice(before)).toEqual([
      { projectId: A, path: 'src' },
      { projectId: A, path: 'data' },
    ]);
    expect(store.getState().selected).toBe('data/a.py');
    await expect(store.getState().move('a.py', 'taken.py')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('deletes and forgets the selection of what went', async () => {
    const { transport, store } = setup();
    store.getState().select('src/a.py');
    expect(await store.getState().remove('src/a.py')).toEqual({ trashed: false });
    expect(transport.named('files.delete')).toEqual([{ projectId: A, path: 'src/a.py' }]);
    expect(store.getState().selected).toBeUndefined();
  });

  it('joins and splits paths', () => {
    expect(joinPath('', 'a.py')).toBe('a.py');
    expect(joinPath('src', 'a.py')).toBe('src/a.py');
    expect(parentOf('a.py')).toBe('');
    expect(parentOf('src/lib/a.py')).toBe('src/lib');
  });
});
