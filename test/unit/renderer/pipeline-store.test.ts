import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeClient, type PipelineDocument } from '../../../electron/contract';
import { createPipelineStore, folderOf, PIPELINE_REFETCH_MS } from '../../../renderer/src/stores/pipeline-store';
import { FakeTransport } from './fake-transport';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const doc = (revision: string, name = 'Main'): PipelineDocument => ({
  path: 'sub/main.orchest',
  revision,
  fileVersion: '1.0.0',
  definition: { name, version: '1.2.3', steps: {} },
  issues: [],
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('pipeline store', () => {
  it('reads the open pipeline, and again when its folder changes', async () => {
    let current = doc('r1');
    const transport = new FakeTransport().handle('pipelines.get', () => current);
    const store = createPipelineStore(new BridgeClient(transport));
    const stop = store.getState().start();
    store.getState().open(PROJECT, 'sub/main.orchest');
    await vi.runAllTimersAsync();
    expect(store.getState().document).toEqual(doc('r1'));

    current = doc('r2');
    transport.emit('project.filesChanged', { projectId: PROJECT, paths: [''] });
    await vi.runAllTimersAsync();
    expect(transport.named('pipelines.get')).toHaveLength(1);
    transport.emit('project.filesChanged', { projectId: PROJECT, paths: ['sub'] });
    await vi.advanceTimersByTimeAsync(PIPELINE_REFETCH_MS);
    expect(store.getState().document?.revision).toBe('r2');
    stop();
  });

  it('keeps the error of a file that cannot be read', async () => {
    const transport = new FakeTransport().handle('pipelines.get', () => {
      throw new Error('Unexpected end of JSON input (line 3 column 1)');
    });
    const store = createPipelineStore(new BridgeClient(transport));
    store.getState().open(PROJECT, 'broken.orchest');
    await vi.runAllTimersAsync();
    expect(store.getState()).toMatchObject({ document: undefined, error: 'Unexpected end of JSON input (line 3 column 1)' });
  });

  it('renames and saves services with the revision, keeping what the main process answers', async () => {
    const transport = new FakeTransport()
      .handle('pipelines.get', () => doc('r1'))
      .handle('pipelines.rename', () => doc('r2', 'Renamed'))
      .handle('pipelines.saveServices', () => doc('r3', 'Renamed'));
    const store = createPipelineStore(new BridgeClient(transport));
    store.getState().open(PROJECT, 'sub/main.orchest');
    await vi.runAllTimersAsync();
    await store.getState().rename('Renamed');
    expect(transport.named('pipelines.rename')).toEqual([{ projectId: PROJECT, path: 'sub/main.orchest', revision: 'r1', name: 'Renamed' }]);
    const services = { redis: { name: 'redis' } };
    await store.getState().saveServices(services, 'r2');
    expect(transport.named('pipelines.saveServices')).toEqual([{ projectId: PROJECT, path: 'sub/main.orchest', revision: 'r2', services }]);
    expect(store.getState().document?.revision).toBe('r3');
  });

  it('finds the folder that lists a file', () => {
    expect(folderOf('main.orchest')).toBe('');
    expect(folderOf('a/b/main.orchest')).toBe('a/b');
  });
});
