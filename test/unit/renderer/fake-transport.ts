import type { ClientTransport, Envelope, ErrorCode } from '../../../electron/contract';

type Handler = (input: unknown) => unknown;

/** A bridge in memory: answers requests from handlers, records them, and pushes events on demand. */
export class FakeTransport implements ClientTransport {
  readonly calls: { name: string; input: unknown }[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly listeners = new Set<(name: string, payload: unknown) => void>();

  handle(name: string, handler: Handler): this {
    this.handlers.set(name, handler);
    return this;
  }

  async request(name: string, input: unknown): Promise<Envelope<unknown>> {
    this.calls.push({ name, input });
    const handler = this.handlers.get(name);
    if (!handler) return { ok: false, error: { code: 'UNKNOWN_REQUEST', message: name } };
    try {
      return { ok: true, value: await handler(input) };
    } catch (error) {
      // A handler picks the code by throwing an error with one (e.g. CONFLICT); NOT_FOUND otherwise.
      const code = (error as { code?: ErrorCode }).code ?? 'NOT_FOUND';
      return { ok: false, error: { code, message: (error as Error).message } };
    }
  }

  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(name: string, payload: unknown): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  named(name: string): unknown[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.input);
  }
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
