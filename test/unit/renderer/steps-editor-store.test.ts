import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeClient, moveSteps, newStep, type PipelineDocument, type PipelineSteps } from '../../../electron/contract';
import { createPipelineStore } from '../../../renderer/src/stores/pipeline-store';
import { createStepsEditorStore, STEPS_SAVE_MS } from '../../../renderer/src/stores/steps-editor-store';
import { FakeTransport } from './fake-transport';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const PATH = 'main.orchest';
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';

const stepsOf = (...uuids: string[]): PipelineSteps =>
  Object.fromEntries(uuids.map((uuid, i) => [uuid, newStep({ uuid, title: uuid.slice(0, 1), filePath: `${i}.py`, position: [i * 300, 0] })]));
const doc = (revision: string, steps: PipelineSteps, parameters: Record<string, unknown> = {}): PipelineDocument => ({
  path: PATH,
  revision,
  fileVersion: '1.2.3',
  definition: { name: 'Main', version: '1.2.3', steps, parameters },
  issues: [],
});
const conflict = () => Object.assign(new Error('The pipeline file changed on disk'), { code: 'CONFLICT' });

/** A pipeline file in memory: saves are refused unless they name its revision, as the main process does. */
function fakeFile(steps: PipelineSteps) {
  const file = { document: doc('r1', steps) };
  let revisions = 1;
  const transport = new FakeTransport()
    .handle('pipelines.get', () => file.document)
    .handle('pipelines.saveSteps', (input) => {
      const { revision, steps: sent, parameters } = input as { revision: string; steps: PipelineSteps; parameters?: Record<string, unknown> };
      if (revision !== file.document.revision) throw conflict();
      file.document = doc(`r${++revisions}`, sent, parameters ?? (file.document.definition.parameters as Record<string, unknown>));
      return file.document;
    });
  return { file, transport, writeOnDisk: (next: PipelineSteps) => (file.document = doc(`r${++revisions}`, next)) };
}

async function openEditor(transport: FakeTransport) {
  const bridge = new BridgeClient(transport);
  const pipelines = createPipelineStore(bridge);
  const editor = createStepsEditorStore(bridge, pipelines);
  const stop = editor.getState().start();
  pipelines.getState().open(PROJECT, PATH);
  await vi.runAllTimersAsync();
  return { pipelines, editor, stop };
}

const move = (uuid: string, x: number) => (draft: { steps: PipelineSteps; parameters: Record<string, unknown> }) => ({
  ...draft,
  steps: moveSteps(draft.steps, { [uuid]: [x, 0] }),
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('steps editor store', () => {
  it('saves once, after edits rest, with the revision it read', async () => {
    const { transport, file } = fakeFile(stepsOf(A, B));
    const { editor, pipelines } = await openEditor(transport);
    expect(editor.getState().history?.present.steps[A]?.title).toBe('a');

    editor.getState().edit(move(A, 10));
    editor.getState().edit(move(A, 20));
    expect(editor.getState().status).toBe('pending');
    await vi.advanceTimersByTimeAsync(STEPS_SAVE_MS - 1);
    expect(transport.named('pipelines.saveSteps')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();

    const saves = transport.named('pipelines.saveSteps') as { revision: string; steps: PipelineSteps; parameters?: unknown }[];
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({ projectId: PROJECT, path: PATH, revision: 'r1' });
    expect(saves[0]!.steps[A]!.meta_data.position).toEqual([20, 0]);
    expect(saves[0]!.parameters).toBeUndefined();
    expect(editor.getState().status).toBe('saved');
    expect(pipelines.getState().document?.revision).toBe(file.document.revision);

    // The next save names the revision the last one answered.
    editor.getState().edit(move(B, 50));
    await vi.runAllTimersAsync();
    expect((transport.named('pipelines.saveSteps')[1] as { revision: string }).revision).toBe('r2');
  });

  it('sends the parameters only once they were edited', async () => {
    const { transport } = fakeFile(stepsOf(A));
    const { editor } = await openEditor(transport);
    editor.getState().edit((draft) => ({ ...draft, parameters: { alpha: 1 } }));
    await vi.runAllTimersAsync();
    expect(transport.named('pipelines.saveSteps')[0]).toMatchObject({ parameters: { alpha: 1 } });
  });

  it('undoes and redoes edits, and saves what the undo leaves', async () => {
    const { transport } = fakeFile(stepsOf(A));
    const { editor } = await openEditor(transport);
    editor.getState().edit(move(A, 10));
    await vi.runAllTimersAsync();
    editor.getState().undo();
    expect(editor.getState().history?.present.steps[A]?.meta_data.position).toEqual([0, 0]);
    expect(editor.getState().canRedo).toBe(true);
    await vi.runAllTimersAsync();
    const saves = transport.named('pipelines.saveSteps') as { steps: PipelineSteps }[];
    expect(saves.map((save) => save.steps[A]!.meta_data.position)).toEqual([
      [10, 0],
      [0, 0],
    ]);
    editor.getState().redo();
    expect(editor.getState().history?.present.steps[A]?.meta_data.position).toEqual([10, 0]);
  });

  it('meets a file changed on disk with a conflict, never a silent overwrite; Reload drops the local edits', async () => {
    const { transport, file, writeOnDisk } = fakeFile(stepsOf(A, B));
    const { editor, pipelines } = await openEditor(transport);
    editor.getState().edit(move(A, 99));
    writeOnDisk(stepsOf(B));
    // The folder's watcher reads the file again before the edit is saved: the edit stays, over the revision it was made on.
    await pipelines.getState().reload();
    expect(editor.getState().history?.present.steps[A]?.meta_data.position).toEqual([99, 0]);
    await vi.runAllTimersAsync();

    expect(editor.getState().status).toBe('conflict');
    expect(editor.getState().error).toBe('The pipeline file changed on disk');
    expect(Object.keys(file.document.definition.steps as object)).toEqual([B]);
    // Further edits wait while the conflict stands.
    editor.getState().edit(move(A, 100));
    await vi.runAllTimersAsync();
    expect(transport.named('pipelines.saveSteps')).toHaveLength(1);

    await editor.getState().reload();
    expect(editor.getState().status).toBe('saved');
    expect(Object.keys(editor.getState().history!.present.steps)).toEqual([B]);
    expect(editor.getState().canUndo).toBe(false);
    await vi.runAllTimersAsync();
    expect(transport.named('pipelines.saveSteps')).toHaveLength(1);
  });

  it('Overwrite sends the local steps again over the new revision', async () => {
    const { transport, file, writeOnDisk } = fakeFile(stepsOf(A, B));
    const { editor } = await openEditor(transport);
    editor.getState().edit(move(A, 99));
    writeOnDisk(stepsOf(B));
    await vi.runAllTimersAsync();
    expect(editor.getState().status).toBe('conflict');

    await editor.getState().overwrite();
    const saves = transport.named('pipelines.saveSteps') as { revision: string }[];
    expect(saves.map((save) => save.revision)).toEqual(['r1', 'r2']);
    expect(editor.getState().status).toBe('saved');
    expect((file.document.definition.steps as PipelineSteps)[A]?.meta_data.position).toEqual([99, 0]);
  });

  it('takes a change on disk as is while nothing waits to be saved', async () => {
    const { transport, writeOnDisk } = fakeFile(stepsOf(A));
    const { editor, pipelines } = await openEditor(transport);
    writeOnDisk(stepsOf(A, B));
    await pipelines.getState().reload();
    expect(Object.keys(editor.getState().history!.present.steps)).toEqual([A, B]);
    expect(editor.getState().status).toBe('saved');
  });

  it('keeps the draft and says why when a save is refused; the next edit tries again', async () => {
    const { transport } = fakeFile(stepsOf(A));
    const { editor } = await openEditor(transport);
    transport.handle('pipelines.saveSteps', () => {
      throw Object.assign(new Error('steps.a.file_path: give the step a file'), { code: 'PIPELINE_INVALID' });
    });
    editor.getState().edit(move(A, 5));
    await vi.runAllTimersAsync();
    expect(editor.getState()).toMatchObject({ status: 'failed', error: 'steps.a.file_path: give the step a file' });
    expect(editor.getState().history?.present.steps[A]?.meta_data.position).toEqual([5, 0]);
    editor.getState().edit(move(A, 6));
    await vi.runAllTimersAsync();
    expect(transport.named('pipelines.saveSteps')).toHaveLength(2);
  });

  it('sends waiting edits before the pipeline is closed', async () => {
    const { transport } = fakeFile(stepsOf(A));
    const { editor, pipelines } = await openEditor(transport);
    editor.getState().edit(move(A, 7));
    pipelines.getState().close();
    await vi.runAllTimersAsync();
    expect(transport.named('pipelines.saveSteps')).toHaveLength(1);
    expect(editor.getState().history).toBeUndefined();
  });
});
