import { BridgeClient, type PreloadApi } from '../../../electron/contract';
import { ipcTransport } from './ipc-transport';
import { wsTransport, type PageLocation, type WebSocketConstructor } from './ws-transport';

/** The parts of `window` that decide how to reach the main process. */
export interface BridgeWindow {
  readonly orchestDesktop?: PreloadApi;
  readonly location: PageLocation;
  readonly WebSocket: WebSocketConstructor;
}

export type TransportKind = 'ipc' | 'ws';

/** Electron's preload exposes `orchestDesktop`; a browser page talks to the host over a WebSocket. */
export function transportKind(win: BridgeWindow): TransportKind {
  return win.orchestDesktop ? 'ipc' : 'ws';
}

export function createBridgeClient(win: BridgeWindow, onConnectionLost: () => void): BridgeClient {
  const api = win.orchestDesktop;
  const transport = api ? ipcTransport(api) : wsTransport(win.location, win.WebSocket, onConnectionLost);
  return new BridgeClient(transport);
}
