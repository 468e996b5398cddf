import { BridgeRequestError, type Envelope } from './envelope';
import type { EventName, EventPayload } from './events';
import type { RequestInput, RequestName, RequestOutput } from './requests';

/** How a client reaches the main process: IPC in Electron, a WebSocket elsewhere. */
export interface ClientTransport {
  request(name: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  close?(): void;
}

type Listener<N extends EventName> = (payload: EventPayload<N>) => void;

/** The typed face of the bridge: the same for the renderer, whatever the transport, and for the CLI. */
export class BridgeClient {
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly stopListening: () => void;

  constructor(private readonly transport: ClientTransport) {
    this.stopListening = transport.onEvent((name, payload) => {
      for (const listener of this.listeners.get(name) ?? []) listener(payload);
    });
  }

  /** Resolves with the value, or rejects with a BridgeRequestError carrying `{code, message, field}`. */
  async request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
    const envelope = await this.transport.request(name, input);
    if (!envelope.ok) throw new BridgeRequestError(envelope.error);
    return envelope.value as RequestOutput<N>;
  }

  on<N extends EventName>(name: N, listener: Listener<N>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  close(): void {
    this.stopListening();
    this.transport.close?.();
  }
}
