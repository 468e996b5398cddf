import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL, type Envelope } from '../contract';
import type { BridgeCaller, BridgeServer } from './bridge-server';

/** The parts of Electron's IPC this transport uses; the shell passes the real ipcMain. */
export interface IpcSender {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}
export interface IpcInvokeEvent {
  readonly sender: IpcSender;
  readonly senderFrame: { readonly url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Serves the bridge to trusted renderer frames over Electron IPC. One caller per webContents. */
export class IpcTransport {
  private readonly callers = new Map<number, BridgeCaller>();

  constructor(
    private readonly ipcMain: IpcMainLike,
    private readonly bridge: BridgeServer,
    private readonly isTrustedFrameUrl: (url: string) => boolean,
  ) {
    ipcMain.handle(IPC_REQUEST_CHANNEL, (event, name, input) => this.handle(event, name, input));
  }

  private async handle(event: IpcInvokeEvent, name: unknown, input: unknown): Promise<Envelope<unknown>> {
    const url = event.senderFrame?.url;
    if (!url || !this.isTrustedFrameUrl(url)) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'Requests are only taken from the app window' } };
    }
    return this.attach(event.sender).request(String(name), input);
  }

  /** Connects a window before its first request, so that events reach it from the start. */
  attach(sender: IpcSender): BridgeCaller {
    let caller = this.callers.get(sender.id);
    if (!caller) {
      caller = this.bridge.connect((name, payload) => {
        if (!sender.isDestroyed()) sender.send(IPC_EVENT_CHANNEL, name, payload);
      });
      this.callers.set(sender.id, caller);
      sender.once('destroyed', () => {
        this.callers.get(sender.id)?.dispose();
        this.callers.delete(sender.id);
      });
    }
    return caller;
  }

  dispose(): void {
    this.ipcMain.removeHandler(IPC_REQUEST_CHANNEL);
    for (const caller of this.callers.values()) void caller.dispose();
    this.callers.clear();
  }
}
