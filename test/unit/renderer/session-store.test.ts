import { describe, expect, it } from 'vitest';
import { BridgeClient, type Session } from '../../../electron/contract';
import { createSessionStore, sessionKey } from '../../../renderer/src/stores/session-store';
import { FakeTransport, settle } from './fake-transport';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const session = (status: Session['status'], services: Session['services'] = []): Session => ({
  projectId: PROJECT, pipelineUuid: 'p', pipelinePath: 'main.orchest', sessionUuid: 's', status, services,
});
const KEY = sessionKey(PROJECT, 'main.orchest');

describe('session store', () => {
  it('reads a session, follows its events, and keeps an event over a slower answer', async () => {
    let answer: (s: Session) => void = () => undefined;
    const transport = new FakeTransport()
      .handle('sessions.list', () => [])
      .handle('sessions.get', () => new Promise<Session>((resolve) => (answer = resolve)));
    const store = createSessionStore(new BridgeClient(transport));
    const stop = store.getState().start();
    const loading = store.getState().load(PROJECT, 'main.orchest');
    await settle();
    transport.emit('sessions.changed', session('RUNNING'));
    answer(session('STOPPED'));
    await loading;
    expect(store.getState().entries[KEY]?.session?.status).toBe('RUNNING');
    stop();
  });

  it('starts, marks the request pending, and surfaces its error', async () => {
    let fail = true;
    const transport = new FakeTransport().handle('sessions.start', () => {
      if (fail) throw new Error('Docker is not reachable: connect ENOENT');
      return session('LAUNCHING');
    });
    const store = createSessionStore(new BridgeClient(transport));
    const starting = store.getState().startSession(PROJECT, 'main.orchest');
    expect(store.getState().entries[KEY]?.pending).toBe('start');
    await starting;
    expect(store.getState().entries[KEY]).toMatchObject({ pending: undefined, error: 'The session could not be started: Docker is not reachable: connect ENOENT' });
    fail = false;
    await store.getState().startSession(PROJECT, 'main.orchest');
    expect(store.getState().entries[KEY]).toMatchObject({ pending: undefined, error: undefined, session: { status: 'LAUNCHING' } });
    expect(transport.named('sessions.start')).toEqual([{ projectId: PROJECT, path: 'main.orchest' }, { projectId: PROJECT, path: 'main.orchest' }]);
  });
});
