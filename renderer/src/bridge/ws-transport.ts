import { BRIDGE_WS_PATH, WsClientTransport, type ClientTransport, type WebSocketLike } from '../../../electron/contract';

export interface PageLocation {
  readonly protocol: string;
  readonly host: string;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The bridge's address on the host that served this page; the auth cookie travels with the upgrade. */
export function bridgeUrl(location: PageLocation): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${BRIDGE_WS_PATH}`;
}

/** A WebSocket to the headless host; `onClosed` hears when it goes away (the host stopped). */
export function wsTransport(
  location: PageLocation,
  WebSocketClass: WebSocketConstructor,
  onClosed: () => void,
): ClientTransport {
  const socket = new WebSocketClass(bridgeUrl(location));
  socket.addEventListener('close', () => onClosed());
  return new WsClientTransport(socket);
}
