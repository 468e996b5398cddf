import { EventEmitter } from 'node:events';
import type { IpcInvokeEvent, IpcMainLike, IpcSender } from '../../electron/bridge/ipc-transport';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL, type ClientTransport, type Envelope } from '../../electron/contract';

/**
 * Electron's ipcMain/ipcRenderer pair in one process: arguments and replies cross by structured clone,
 * as they do between Electron's processes. Runs the bridge conformance suite on the IPC transport as
 * "simulated IPC": FakeWindow.transport() stands in for the preload, which is tested as built in
 * test/unit/preload/built-preload.test.ts.
 */
export class FakeIpc implements IpcMainLike {
  private readonly handlers = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>>();

  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** A renderer window whose frame is at `frameUrl`, with the preload's request/onEvent. */
  window(id: number, frameUrl: string): FakeWindow {
    return new FakeWindow(id, frameUrl, this.handlers);
  }
}

export class FakeWindow extends EventEmitter implements IpcSender {
  private destroyed = false;
  constructor(
    readonly id: number,
    private readonly frameUrl: string,
    private readonly handlers: Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>>,
  ) {
    super();
  }

  send(channel: string, ...args: unknown[]): void {
    this.emit(`renderer:${channel}`, ...structuredClone(args));
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** What the renderer sees: the preload's API turned into a client transport. */
  transport(): ClientTransport {
    return {
      request: async (name, input) => {
        const handler = this.handlers.get(IPC_REQUEST_CHANNEL);
        if (!handler) throw new Error('No handler registered');
        const reply = await handler({ sender: this, senderFrame: { url: this.frameUrl } }, ...structuredClone([name, input]));
        return structuredClone(reply) as Envelope<unknown>;
      },
      onEvent: (listener) => {
        const forward = (name: string, payload: unknown) => listener(name, payload);
        this.on(`renderer:${IPC_EVENT_CHANNEL}`, forward);
        return () => this.off(`renderer:${IPC_EVENT_CHANNEL}`, forward);
      },
    };
  }
}
