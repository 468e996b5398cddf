import { ZodError } from 'zod';
import {
  requests,
  type BridgeError,
  type Envelope,
  type EventName,
  type EventPayload,
  type RequestName,
  type RequestOutput,
  type Requests,
} from '../contract';
import { AppError, type Disposable } from '../core/app-error';
import type { z } from 'zod';

/** What a handler knows of the caller that made the request. */
export interface CallerContext {
  readonly callerId: number;
  /** Push an event to this caller only. */
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  /** Keep a subscription under a key; it is disposed on release or when the caller goes away. */
  own(key: string, subscription: Disposable): void;
  release(key: string): void;
  /** Bytes sent to this caller that its connection has not taken yet (0 where the transport cannot tell). */
  backlog(): number;
}

/** One handler per request name: a missing handler does not compile. */
export type Handlers = {
  [N in RequestName]: (
    input: z.output<Requests[N]['input']>,
    caller: CallerContext,
  ) => Promise<RequestOutput<N>> | RequestOutput<N>;
};

export type EventSink = (name: string, payload: unknown) => void;
/** How many bytes a caller's connection holds unsent. */
export type Backlog = () => number;

/** Transport-agnostic dispatch: validation, error envelope, and per-caller subscriptions. */
export class BridgeServer {
  private readonly callers = new Set<BridgeCaller>();
  private nextCallerId = 1;

  constructor(private readonly handlers: Handlers) {}

  connect(sink: EventSink, backlog: Backlog = () => 0): BridgeCaller {
    const caller = new BridgeCaller(this.nextCallerId++, sink, this.handlers, (c) => this.callers.delete(c), backlog);
    this.callers.add(caller);
    return caller;
  }

  broadcast<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const caller of this.callers) caller.emit(name, payload);
  }

  get callerCount(): number {
    return this.callers.size;
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.callers].map((c) => c.dispose()));
  }
}

export class BridgeCaller implements CallerContext {
  private readonly owned = new Map<string, Disposable>();
  private closed = false;

  constructor(
    readonly callerId: number,
    private readonly sink: EventSink,
    private readonly handlers: Handlers,
    private readonly onDispose: (caller: BridgeCaller) => void,
    readonly backlog: Backlog = () => 0,
  ) {}

  async request(name: string, input: unknown): Promise<Envelope<unknown>> {
    if (!Object.hasOwn(requests, name)) {
      return failure({ code: 'UNKNOWN_REQUEST', message: `Unknown request '${name}'` });
    }
    const requestName = name as RequestName;
    const parsed = requests[requestName].input.safeParse(input ?? {});
    if (!parsed.success) return failure(invalidInput(parsed.error));
    try {
      const handler = this.handlers[requestName] as (input: unknown, caller: CallerContext) => unknown;
      const value = await handler(parsed.data, this);
      return { ok: true, value: requests[requestName].output.parse(value) };
    } catch (error) {
      return failure(toBridgeError(error));
    }
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    if (!this.closed) this.sink(name, payload);
  }

  own(key: string, subscription: Disposable): void {
    if (this.closed) {
      void subscription.dispose();
      return;
    }
    this.release(key);
    this.owned.set(key, subscription);
  }

  release(key: string): void {
    const previous = this.owned.get(key);
    if (!previous) return;
    this.owned.delete(key);
    void previous.dispose();
  }

  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onDispose(this);
    const owned = [...this.owned.values()];
    this.owned.clear();
    await Promise.all(owned.map((s) => s.dispose()));
  }
}

function failure(error: BridgeError): Envelope<never> {
  return { ok: false, error };
}

function invalidInput(error: ZodError): BridgeError {
  const issue = error.issues[0];
  const path = issue ? issue.path.map(String) : [];
  if (issue?.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  const field = path.length > 0 ? path.join('.') : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'Invalid input';
  return field ? { code: 'INVALID_INPUT', message, field } : { code: 'INVALID_INPUT', message };
}

function toBridgeError(error: unknown): BridgeError {
  if (error instanceof AppError) {
    return error.field
      ? { code: error.code, message: error.message, field: error.field }
      : { code: error.code, message: error.message };
  }
  if (error instanceof ZodError) return { code: 'INTERNAL', message: `Invalid reply: ${error.message}` };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
