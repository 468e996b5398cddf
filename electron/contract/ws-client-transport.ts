import type { ClientTransport } from './bridge-client';
import type { Envelope } from './envelope';
import type { EventFrame, RequestFrame, ResponseFrame } from './wire';

/** The part of the WebSocket API shared by browsers and the `ws` package. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const OPEN = 1;

/** Requests over one WebSocket, matched to replies by id; every pending request fails when it closes. */
export class WsClientTransport implements ClientTransport {
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private readonly eventListeners = new Set<(name: string, payload: unknown) => void>();
  private readonly closeWaiters = new Set<() => void>();
  private readonly opened: Promise<void>;
  private closedReason: string | undefined;

  constructor(private readonly socket: WebSocketLike) {
    this.opened = new Promise((resolve) => {
      if (socket.readyState === OPEN) resolve();
      socket.addEventListener('open', () => resolve());
    });
    socket.addEventListener('message', (event) => this.receive(String(event.data)));
    socket.addEventListener('close', () => this.fail('The connection to Orchest Desktop closed'));
    socket.addEventListener('error', () => this.fail('The connection to Orchest Desktop failed'));
  }

  async request(name: string, input: unknown): Promise<Envelope<unknown>> {
    if (this.closedReason) return closed(this.closedReason);
    await Promise.race([this.opened, new Promise<void>((resolve) => this.closeWaiters.add(resolve))]);
    if (this.closedReason) return closed(this.closedReason);
    const id = this.nextId++;
    const frame: RequestFrame = { t: 'req', id, name, input };
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.socket.send(JSON.stringify(frame));
    });
  }

  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  close(): void {
    this.socket.close(1000, 'client closed');
  }

  private receive(text: string): void {
    const frame = JSON.parse(text) as ResponseFrame | EventFrame;
    if (frame.t === 'evt') {
      for (const listener of this.eventListeners) listener(frame.name, frame.payload);
      return;
    }
    const resolve = this.pending.get(frame.id);
    this.pending.delete(frame.id);
    resolve?.(frame.ok ? { ok: true, value: frame.value } : { ok: false, error: frame.error });
  }

  private fail(reason: string): void {
    this.closedReason ??= reason;
    for (const resolve of this.pending.values()) resolve(closed(reason));
    this.pending.clear();
    for (const wake of this.closeWaiters) wake();
    this.closeWaiters.clear();
  }
}

function closed(message: string): Envelope<never> {
  return { ok: false, error: { code: 'TRANSPORT_CLOSED', message } };
}
