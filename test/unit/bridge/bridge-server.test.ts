import { describe, expect, it, vi } from 'vitest';
import { BridgeServer, type Handlers } from '../../../electron/bridge/bridge-server';
import { AppError } from '../../../electron/core/app-error';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const all = new Proxy({} as Handlers, { get: (_t, name) => (overrides as Record<string, unknown>)[name as string] ?? unused });
  return all;
}

describe('BridgeServer', () => {
  it('refuses an unknown request name with UNKNOWN_REQUEST', async () => {
    const caller = new BridgeServer(handlers()).connect(() => undefined);
    expect(await caller.request('projects.explode', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_REQUEST', message: "Unknown request 'projects.explode'" },
    });
  });

  it('does not take inherited object keys for request names', async () => {
    const caller = new BridgeServer(handlers()).connect(() => undefined);
    const reply = await caller.request('toString', {});
    expect(reply.ok === false && reply.error.code).toBe('UNKNOWN_REQUEST');
  });

  it('names the field of invalid input', async () => {
    const caller = new BridgeServer(handlers()).connect(() => undefined);
    const reply = await caller.request('projects.create', { name: '../up' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name' } });
    expect(reply.ok === false && reply.error.message).toMatch(/^name: Project names use only letters/);
  });

  it('names an unexpected key as the field at fault', async () => {
    const caller = new BridgeServer(handlers()).connect(() => undefined);
    const reply = await caller.request('projects.list', { extra: 1 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'extra' } });
  });

  it('passes validated input to the handler and returns its value', async () => {
    const list = vi.fn(() => [{ uuid: '6f1e7c5e-8a57-4c38-9a4e-1c2f5c1f0b11', name: 'a', path: '/p/a', external: false }]);
    const caller = new BridgeServer(handlers({ 'projects.list': list })).connect(() => undefined);
    expect(await caller.request('projects.list', undefined)).toMatchObject({ ok: true, value: [{ name: 'a' }] });
    expect(list).toHaveBeenCalledWith({}, caller);
  });

  it('turns an AppError into its code, message and field', async () => {
    const get = () => {
      throw new AppError('NOT_FOUND', 'No project with id x', 'projectId');
    };
    const caller = new BridgeServer(handlers({ 'projects.get': get })).connect(() => undefined);
    const reply = await caller.request('projects.get', { projectId: '6f1e7c5e-8a57-4c38-9a4e-1c2f5c1f0b11' });
    expect(reply).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No project with id x', field: 'projectId' } });
  });

  it('reports an unexpected throw as INTERNAL, never as a thrown string', async () => {
    const caller = new BridgeServer(handlers({ 'projects.list': () => Promise.reject(new Error('disk on fire')) })).connect(
      () => undefined,
    );
    expect(await caller.request('projects.list', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'disk on fire' } });
  });

  it('refuses a reply that breaks the contract', async () => {
    const caller = new BridgeServer(handlers({ 'projects.list': () => [{ name: 1 }] as never })).connect(() => undefined);
    const reply = await caller.request('projects.list', {});
    expect(reply.ok === false && reply.error.code).toBe('INTERNAL');
  });

  it('disposes what a caller owns when it goes away, and broadcasts to the others', async () => {
    const server = new BridgeServer(handlers());
    const first: unknown[] = [];
    const second: unknown[] = [];
    const a = server.connect((name, payload) => first.push([name, payload]));
    server.connect((name, payload) => second.push([name, payload]));
    const subscription = { dispose: vi.fn() };
    a.own('watch', subscription);
    await a.dispose();
    expect(subscription.dispose).toHaveBeenCalledOnce();
    server.broadcast('projects.changed', {});
    expect(first).toEqual([]);
    expect(second).toEqual([['projects.changed', {}]]);
    expect(server.callerCount).toBe(1);
  });

  it('replaces a subscription owned under the same key', () => {
    const caller = new BridgeServer(handlers()).connect(() => undefined);
    const old = { dispose: vi.fn() };
    caller.own('k', old);
    caller.own('k', { dispose: vi.fn() });
    expect(old.dispose).toHaveBeenCalledOnce();
  });
});
