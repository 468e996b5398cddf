import { describe, expect, it, vi } from 'vitest';
import { BridgeRequestError, type Envelope, type PreloadApi, type WebSocketLike } from '../../../electron/contract';
import { createBridgeClient, transportKind, type BridgeWindow } from '../../../renderer/src/bridge/create-bridge-client';
import { bridgeUrl } from '../../../renderer/src/bridge/ws-transport';

/** A browser WebSocket that never connects until told, and remembers where it was sent. */
class FakeSocket implements WebSocketLike {
  static last: FakeSocket | undefined;
  readyState = 0;
  readonly sent: string[] = [];
  private readonly listeners = new Map<string, ((event: { data: unknown }) => void)[]>();
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.fire('close');
  }
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: string, data?: unknown): void {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

const page = (extra: Partial<BridgeWindow> = {}): BridgeWindow => ({
  location: { protocol: 'http:', host: '127.0.0.1:4321' },
  WebSocket: FakeSocket,
  ...extra,
});

describe('transport choice', () => {
  it('uses IPC when the preload exposed orchestDesktop, else a WebSocket', () => {
    const api: PreloadApi = { request: async () => ({ ok: true, value: 1 }), onEvent: () => () => undefined };
    expect(transportKind(page({ orchestDesktop: api }))).toBe('ipc');
    expect(transportKind(page())).toBe('ws');
  });

  it('puts the bridge on the same host as the page, wss behind https', () => {
    expect(bridgeUrl({ protocol: 'http:', host: '127.0.0.1:4321' })).toBe('ws://127.0.0.1:4321/bridge');
    expect(bridgeUrl({ protocol: 'https:', host: 'example.test' })).toBe('wss://example.test/bridge');
  });
});

describe('createBridgeClient over IPC', () => {
  it('passes requests through and unwraps the envelope', async () => {
    FakeSocket.last = undefined;
    const request = vi.fn(async (): Promise<Envelope<unknown>> => ({ ok: false, error: { code: 'CONFLICT', message: 'taken', field: 'name' } }));
    const client = createBridgeClient(page({ orchestDesktop: { request, onEvent: () => () => undefined } }), () => undefined);
    const failure = await client.request('projects.create', { name: 'x' }).catch((error: unknown) => error);
    expect(request).toHaveBeenCalledWith('projects.create', { name: 'x' });
    expect(failure).toBeInstanceOf(BridgeRequestError);
    expect(failure).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(FakeSocket.last).toBeUndefined(); // no socket was opened in Electron
  });

  it('turns a rejected invoke into TRANSPORT_CLOSED and forwards events', async () => {
    let push: (name: string, payload: unknown) => void = () => undefined;
    const api: PreloadApi = {
      request: async () => Promise.reject(new Error('gone')),
      onEvent: (listener) => ((push = listener), () => undefined),
    };
    const client = createBridgeClient(page({ orchestDesktop: api }), () => undefined);
    await expect(client.request('app.info', {})).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    const seen: unknown[] = [];
    client.on('projects.changed', (payload) => seen.push(payload));
    push('projects.changed', {});
    expect(seen).toEqual([{}]);
  });
});

describe('createBridgeClient over a WebSocket', () => {
  it('sends request frames once open and reports when the socket closes', async () => {
    const lost = vi.fn();
    const client = createBridgeClient(page(), lost);
    const socket = FakeSocket.last;
    expect(socket?.url).toBe('ws://127.0.0.1:4321/bridge');
    const reply = client.request('engine.status', { refresh: true });
    socket?.fire('open');
    await vi.waitFor(() => expect(socket?.sent).toHaveLength(1));
    const frame = JSON.parse(socket?.sent[0] ?? '{}') as { id: number; name: string; input: unknown };
    expect(frame).toMatchObject({ t: 'req', name: 'engine.status', input: { refresh: true } });
    socket?.fire('message', JSON.stringify({ t: 'res', id: frame.id, ok: true, value: { reachable: false, host: 'h', reason: 'r' } }));
    await expect(reply).resolves.toEqual({ reachable: false, host: 'h', reason: 'r' });

    expect(lost).not.toHaveBeenCalled();
    socket?.fire('close');
    expect(lost).toHaveBeenCalledOnce();
    await expect(client.request('app.info', {})).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
  });
});
