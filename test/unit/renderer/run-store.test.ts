import { describe, expect, it } from 'vitest';
import { BridgeClient, type PipelineRun } from '../../../electron/contract';
import { createRunStore, isRunLive } from '../../../renderer/src/stores/run-store';
import { FakeTransport, settle } from './fake-transport';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const run = (status: PipelineRun['status'], extra: Partial<PipelineRun> = {}): PipelineRun => ({
  runUuid: 'r1',
  projectId: PROJECT,
  pipelinePath: 'main.orchest',
  pipelineUuid: 'p',
  status,
  startedAt: '2024-01-01T00:00:00.000Z',
  steps: [{ uuid: 's1', title: 'A', filePath: 'a.py', status: status === 'SUCCESS' ? 'SUCCESS' : 'PENDING' }],
  ...extra,
});

function storeWith(transport: FakeTransport) {
  const store = createRunStore(new BridgeClient(transport));
  const stop = store.getState().follow();
  return { store, stop };
}

describe('run store', () => {
  it('reads the latest run of the open pipeline and follows only its events', async () => {
    const transport = new FakeTransport().handle('runs.get', () => null);
    const { store, stop } = storeWith(transport);
    store.getState().open(PROJECT, 'main.orchest');
    expect(store.getState().run).toBeUndefined();
    await settle();
    expect(store.getState().run).toBeNull();

    transport.emit('runs.changed', run('STARTED', { pipelinePath: 'other.orchest' }));
    expect(store.getState().run).toBeNull();
    transport.emit('runs.changed', run('STARTED', { message: 'Waiting for redis:6379 to accept connections (3 s)' }));
    expect(store.getState().run).toMatchObject({ status: 'STARTED', message: 'Waiting for redis:6379 to accept connections (3 s)' });

    store.getState().close();
    transport.emit('runs.changed', run('SUCCESS'));
    expect(store.getState().run).toBeUndefined();
    stop();
  });

  it('keeps an event that came while the read or the start was under way over its older answer', async () => {
    let answer: (value: PipelineRun | null) => void = () => undefined;
    const transport = new FakeTransport()
      .handle('runs.get', () => new Promise<PipelineRun | null>((resolve) => (answer = resolve)))
      .handle('runs.start', async () => {
        transport.emit('runs.changed', run('STARTED'));
        return run('PENDING');
      });
    const { store, stop } = storeWith(transport);
    store.getState().open(PROJECT, 'main.orchest');
    await settle();
    transport.emit('runs.changed', run('PENDING'));
    answer(null);
    await settle();
    expect(store.getState().run?.status).toBe('PENDING');

    await store.getState().start('all');
    expect(store.getState()).toMatchObject({ pending: undefined, error: undefined, run: { status: 'STARTED' } });
    stop();
  });

  it('starts the chosen steps, marks the request pending, and says why a start was refused', async () => {
    let refuse = true;
    const transport = new FakeTransport().handle('runs.get', () => null).handle('runs.start', () => {
      if (refuse) throw new Error("Step 'A' uses the environment e1, which has no successful build yet; build it, then run");
      return run('PENDING');
    });
    const { store, stop } = storeWith(transport);
    store.getState().open(PROJECT, 'main.orchest');
    await settle();
    const starting = store.getState().start('descendants', ['s1']);
    expect(store.getState().pending).toBe('start');
    await starting;
    expect(store.getState()).toMatchObject({
      pending: undefined,
      run: null,
      error: "The run could not be started: Step 'A' uses the environment e1, which has no successful build yet; build it, then run",
    });

    refuse = false;
    await store.getState().start('all', ['s1']);
    expect(store.getState()).toMatchObject({ error: undefined, run: { status: 'PENDING' } });
    expect(transport.named('runs.start')).toEqual([
      { projectId: PROJECT, path: 'main.orchest', selection: 'descendants', steps: ['s1'] },
      { projectId: PROJECT, path: 'main.orchest', selection: 'all' },
    ]);
    stop();
  });

  it('cancels, keeps the run when there is none to cancel, and drops answers for a pipeline no longer open', async () => {
    let cancelled: (value: PipelineRun | null) => void = () => undefined;
    const transport = new FakeTransport()
      .handle('runs.get', (input) => run('STARTED', { pipelinePath: (input as { path: string }).path }))
      .handle('runs.cancel', () => new Promise<PipelineRun | null>((resolve) => (cancelled = resolve)));
    const { store, stop } = storeWith(transport);
    store.getState().open(PROJECT, 'main.orchest');
    await settle();
    expect(isRunLive(store.getState().run)).toBe(true);

    const cancelling = store.getState().cancel();
    expect(store.getState().pending).toBe('cancel');
    await settle();
    cancelled(null);
    await cancelling;
    expect(store.getState()).toMatchObject({ pending: undefined, run: { status: 'STARTED' } });

    const again = store.getState().cancel();
    await settle();
    store.getState().open(PROJECT, 'other.orchest');
    cancelled(run('ABORTED'));
    await again;
    await settle();
    expect(store.getState()).toMatchObject({ path: 'other.orchest', pending: undefined, run: { pipelinePath: 'other.orchest', status: 'STARTED' } });
    expect(isRunLive(run('ABORTED'))).toBe(false);
    stop();
  });
});
