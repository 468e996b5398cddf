import { describe, expect, it } from 'vitest';
import { BridgeClient } from '../../../electron/contract';
import { createFileEditorStore, isDirty } from '../../../renderer/src/stores/file-editor-store';
import { FakeTransport, settle } from './fake-transport';

const A = '11111111-1111-4111-8111-111111111111';

/** A file on a fake disk: its text and a revision that changes with every write. */
function setup(initial = 'print(1)\n') {
  const disk = { text: initial, revision: 1 };
  const coded = (code: string, message: string) => Object.assign(new Error(message), { code });
  const transport = new FakeTransport()
    .handle('files.read', (input) => {
      const { path } = input as { path: string };
      if (path === 'big.csv') throw coded('FILE_TOO_BIG', 'too big');
      if (path === 'image.png') throw coded('FILE_NOT_TEXT', 'binary');
      return { content: disk.text, revision: `r${disk.revision}`, size: disk.text.length };
    })
    .handle('files.write', (input) => {
      const { content, revision, overwrite } = input as { content: string; revision: string; overwrite?: boolean };
      if (!overwrite && revision !== `r${disk.revision}`) throw coded('CONFLICT', 'changed on disk since it was read');
      disk.text = content;
      disk.revision += 1;
      return { revision: `r${disk.revision}`, size: content.length };
    });
  const store = createFileEditorStore(new BridgeClient(transport));
  const stop = store.getState().start();
  return { transport, store, disk, stop };
}

describe('file editor store', () => {
  it('opens a file, tracks the draft and saves it with the revision read', async () => {
    const { store, disk, transport } = setup();
    await store.getState().open(A, 'src/main.py');
    expect(store.getState().file).toMatchObject({ status: 'text', saved: 'print(1)\n', draft: 'print(1)\n', revision: 'r1' });
    store.getState().edit('print(2)\n');
    expect(isDirty(store.getState().file)).toBe(true);
    await store.getState().save();
    expect(transport.named('files.write')).toEqual([{ projectId: A, path: 'src/main.py', content: 'print(2)\n', revision: 'r1', overwrite: false }]);
    expect(disk.text).toBe('print(2)\n');
    expect(store.getState().file).toMatchObject({ saved: 'print(2)\n', revision: 'r2', conflict: false });
    expect(isDirty(store.getState().file)).toBe(false);
  });

  it('reports a change on disk as a conflict, then reloads or overwrites', async () => {
    const { store, disk } = setup();
    await store.getState().open(A, 'main.py');
    store.getState().edit('mine\n');
    disk.text = 'theirs\n';
    disk.revision = 7;
    await store.getState().save();
    expect(store.getState().file).toMatchObject({ conflict: true, draft: 'mine\n', error: undefined });
    expect(disk.text).toBe('theirs\n');

    await store.getState().save(true);
    expect(disk.text).toBe('mine\n');
    expect(store.getState().file).toMatchObject({ conflict: false });

    store.getState().edit('again\n');
    disk.text = 'theirs again\n';
    disk.revision = 20;
    await store.getState().save();
    await store.getState().reload();
    expect(store.getState().file).toMatchObject({ status: 'text', draft: 'theirs again\n', conflict: false });
  });

  it('says why a file is not opened: too big or binary', async () => {
    const { store } = setup();
    await store.getState().open(A, 'big.csv');
    expect(store.getState().file).toMatchObject({ status: 'unreadable', reason: 'too-big' });
    await store.getState().open(A, 'image.png');
    expect(store.getState().file).toMatchObject({ status: 'unreadable', reason: 'binary' });
  });

  it('re-reads an untouched file that changed on disk, never one with edits', async () => {
    const { store, disk, transport } = setup();
    await store.getState().open(A, 'src/main.py');
    disk.text = 'changed\n';
    disk.revision = 2;
    transport.emit('project.filesChanged', { projectId: A, paths: ['src'] });
    await settle();
    expect(store.getState().file).toMatchObject({ saved: 'changed\n', draft: 'changed\n' });

    store.getState().edit('typed\n');
    disk.text = 'changed twice\n';
    disk.revision = 3;
    transport.emit('project.filesChanged', { projectId: A, paths: ['src'] });
    await settle();
    expect(store.getState().file).toMatchObject({ saved: 'changed\n', draft: 'typed\n' });
  });

  it('follows a move of the file or its folder, and closes when it is deleted', async () => {
    const { store } = setup();
    await store.getState().open(A, 'src/main.py');
    store.getState().moved('src', 'lib');
    expect(store.getState().path).toBe('lib/main.py');
    store.getState().moved('lib/main.py', 'lib/run.py');
    expect(store.getState().path).toBe('lib/run.py');
    store.getState().removed('li'); // a name that only starts the same is another folder
    expect(store.getState().path).toBe('lib/run.py');
    store.getState().removed('lib');
    expect(store.getState()).toMatchObject({ path: undefined, file: undefined });
  });
});
