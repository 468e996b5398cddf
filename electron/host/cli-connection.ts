import WebSocket from 'ws';
import { BRIDGE_WS_PATH, BridgeClient, WsClientTransport, type WebSocketLike } from '../contract';
import { discoveryFilePath, resolveAppHome } from '../core/app-home';
import { isProcessAlive } from '../core/home-lock';
import { readDiscoveryFile } from './discovery-file';

/** A failure the CLI reports in one line and exits 1 on. */
export class CliError extends Error {}

const HOW_TO_START = 'Start one with `npx orchest-desktop serve` (or `npm start`), or pass --url.';

/** Finds the running host or app: --url, then ORCHEST_DESKTOP_URL, then the discovery file. */
export function locateHost(explicitUrl: string | undefined): string {
  const url = explicitUrl ?? process.env.ORCHEST_DESKTOP_URL;
  if (url) return url;
  const file = discoveryFilePath(resolveAppHome());
  const discovery = readDiscoveryFile(file);
  if (!discovery) throw new CliError(`No Orchest Desktop is running (no ${file}). ${HOW_TO_START}`);
  if (!isProcessAlive(discovery.pid)) {
    throw new CliError(`No Orchest Desktop is running (process ${discovery.pid} in ${file} is gone). ${HOW_TO_START}`);
  }
  return discovery.url;
}

/** Opens the bridge's WebSocket with the URL's token; fails in one line when nothing answers. */
export async function connect(hostUrl: string): Promise<BridgeClient> {
  let parsed: URL;
  try {
    parsed = new URL(hostUrl);
  } catch {
    throw new CliError(`Not a URL: ${hostUrl}`);
  }
  const token = parsed.searchParams.get('token');
  if (!token) throw new CliError(`The URL ${hostUrl} carries no ?token=`);
  const wsUrl = `ws://${parsed.host}${BRIDGE_WS_PATH}?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) =>
      reject(new CliError(`Orchest Desktop at ${parsed.host} refused the connection (HTTP ${res.statusCode}); is the token current?`)),
    );
    socket.once('error', (error) =>
      reject(new CliError(`Orchest Desktop does not answer at ${parsed.host} (${error.message}). ${HOW_TO_START}`)),
    );
  });
  return new BridgeClient(new WsClientTransport(socket as unknown as WebSocketLike));
}
