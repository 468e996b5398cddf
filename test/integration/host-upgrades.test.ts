import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

/** Sends an upgrade request by hand; resolves with the first line of the answer once the host has hung up. */
function upgradeAnswer(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer.split('\r\n', 1)[0] ?? ''));
    socket.on('error', reject);
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: MDEyMzQ1Njc4OWFiY2RlZg==\r\n\r\n`,
    );
  });
}

describe('upgrades to the host', () => {
  let host: HostProcess;
  beforeAll(async () => (host = await startHostProcess()));
  afterAll(() => host?.stop());

  it('are closed at once on any path but the bridge', async () => {
    expect(await upgradeAnswer(host.port, '/')).toBe('HTTP/1.1 404 Not Found');
    expect(await upgradeAnswer(host.port, `/elsewhere?token=${host.token}`)).toBe('HTTP/1.1 404 Not Found');
    // The bridge itself still wants its token.
    expect(await upgradeAnswer(host.port, '/bridge')).toBe('HTTP/1.1 401 Unauthorized');
  });
});
