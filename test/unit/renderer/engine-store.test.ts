import { describe, expect, it } from 'vitest';
import { BridgeClient, type EngineStatus } from '../../../electron/contract';
import { createEngineStore } from '../../../renderer/src/stores/engine-store';
import { FakeTransport } from './fake-transport';

const down: EngineStatus = { reachable: false, host: 'unix:///s', reason: 'connection refused at /s', problem: 'not-running', advice: [] };
const up: EngineStatus = { reachable: true, host: 'unix:///s', version: '27.3.1', apiVersion: '1.47', os: 'linux/amd64' };

describe('engine store', () => {
  it('remembers that the engine was down until the person has read that it is up', async () => {
    const transport = new FakeTransport().handle('engine.status', () => down);
    const store = createEngineStore(new BridgeClient(transport));
    const stop = store.getState().start();
    await store.getState().check();
    expect(store.getState()).toMatchObject({ status: down, seenDown: true });

    transport.emit('engine.status', up);
    expect(store.getState()).toMatchObject({ status: up, seenDown: true });
    store.getState().dismissRecovery();
    expect(store.getState().seenDown).toBe(false);
    stop();
  });

  it('has nothing to say of an engine that was up all along', async () => {
    const transport = new FakeTransport().handle('engine.status', () => up);
    const store = createEngineStore(new BridgeClient(transport));
    await store.getState().check(true);
    expect(store.getState()).toMatchObject({ status: up, seenDown: false });
    expect(transport.named('engine.status')).toEqual([{ refresh: true }]);
  });
});
