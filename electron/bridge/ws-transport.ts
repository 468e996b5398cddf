import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_WS_PATH, type EventFrame, type RequestFrame, type ResponseFrame } from '../contract';
import type { BridgeServer } from './bridge-server';

/** Decides whether an upgrade request may open a bridge socket. */
export type UpgradeGuard = (request: IncomingMessage) => boolean;

/** Serves the bridge over WebSocket at /bridge on an existing HTTP server. */
export class WsTransport {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://local');
    // Nothing but the bridge upgrades here: any other path is closed at once, not left hanging.
    if (url.pathname !== BRIDGE_WS_PATH) return void socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    if (!this.guard(request)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  };

  constructor(
    private readonly httpServer: Server,
    private readonly bridge: BridgeServer,
    private readonly guard: UpgradeGuard,
  ) {
    httpServer.on('upgrade', this.onUpgrade);
  }

  private accept(ws: WebSocket): void {
    const caller = this.bridge.connect((name, payload) => {
      const frame: EventFrame = { t: 'evt', name, payload };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    }, () => ws.bufferedAmount);
    ws.on('message', (data) => {
      const frame = parseRequestFrame(data.toString());
      if (!frame) {
        ws.close(1003, 'Frames must be JSON {t:"req", id, name, input}');
        return;
      }
      void caller.request(frame.name, frame.input).then((envelope) => {
        const reply: ResponseFrame = { t: 'res', id: frame.id, ...envelope };
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      });
    });
    ws.on('close', () => void caller.dispose());
    ws.on('error', () => void caller.dispose());
  }

  dispose(): void {
    this.httpServer.off('upgrade', this.onUpgrade);
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}

function parseRequestFrame(text: string): RequestFrame | undefined {
  try {
    const frame = JSON.parse(text) as Partial<RequestFrame>;
    if (frame.t === 'req' && Number.isInteger(frame.id) && typeof frame.name === 'string') {
      return frame as RequestFrame;
    }
  } catch {
    // fall through: not JSON
  }
  return undefined;
}
