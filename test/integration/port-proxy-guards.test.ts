import { readdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { SessionService } from '../../electron/contract';
import { PortProxy } from '../../electron/core/proxy/port-proxy';
import { ProxyAuth } from '../../electron/core/proxy/proxy-auth';
import type { ProxyRoute } from '../../electron/core/proxy/routes';

// The proxy in this process, in front of servers in this process: what each one received is read here.
const HOST_COOKIE = 'orchest_desktop_40123=the-bridge-token';

function route(name: string, hostPort: number, requiresAuthentication: boolean): ProxyRoute {
  const service: SessionService = {
    name,
    containerName: `${name}-s`,
    internalHostname: `${name}-s`,
    image: 'none',
    exposed: true,
    requiresAuthentication,
    preserveBasePath: false,
    state: 'running',
    ports: [{ port: 80, hostPort, listening: true }],
  };
  const prefix = `service-${name}-s_80`;
  return { prefix, projectId: 'p', pipelinePath: 'main.orchest', sessionStatus: 'RUNNING', service, port: 80, hostPort };
}

async function listening<T extends net.Server>(server: T): Promise<T & { port: number }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(server, { port: (server.address() as net.AddressInfo).port });
}

const closers: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A proxy with the given routes, and the sign-in cookie of its auth. */
async function startProxy(routes: ProxyRoute[], answerTimeoutMs?: number) {
  const auth = new ProxyAuth('orchest_desktop_proxy_test');
  const proxy = new PortProxy({ routes: () => new Map(routes.map((r) => [r.prefix, r])), auth, answerTimeoutMs });
  await proxy.listen(0);
  closers.push(() => proxy.dispose());
  return { proxy, signIn: auth.setCookie().split(';')[0]! };
}

/** An HTTP and WebSocket service that keeps the headers of everything it received. */
async function echoService() {
  const received: http.IncomingHttpHeaders[] = [];
  const server = await listening(
    http.createServer((req, res) => {
      received.push(req.headers);
      res.end('ok');
    }),
  );
  const wss = new WebSocketServer({ server });
  wss.on('headers', (_headers, req) => received.push(req.headers));
  closers.push(() => new Promise((resolve) => (wss.close(), server.closeAllConnections(), server.close(resolve))));
  return { port: server.port, received };
}

/** A service that takes connections and never says a word; it counts the ones open. */
async function silentService() {
  const open = new Set<net.Socket>();
  let accepted = 0;
  const server = await listening(
    net.createServer((socket) => {
      accepted++;
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
      socket.resume(); // reads what it is sent, so that it sees the proxy hang up
    }),
  );
  closers.push(() => new Promise((resolve) => (open.forEach((s) => s.destroy()), server.close(resolve))));
  return { port: server.port, open, accepted: () => accepted };
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** 101 when the upgrade went through, else the status that refused it. */
function upgrade(url: string, headers: Record<string, string>, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers, origin });
    socket.once('open', () => (socket.close(), resolve(101)));
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', reject);
  });
}

/** Polls until the condition holds; `what` is said when it never does. */
async function until(condition: () => boolean, what: string | (() => string)): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const openFds = () => readdirSync('/proc/self/fd').length;

describe('the port proxy keeps what belongs to the app', () => {
  it("forwards none of the app's cookies, over HTTP and WebSocket, whether the service requires sign-in or not", async () => {
    const service = await echoService();
    const open = route('open', service.port, false);
    const guarded = route('guarded', service.port, true);
    const { proxy, signIn } = await startProxy([open, guarded]);
    const cookie = `theirs=1; ${HOST_COOKIE}; ${signIn}`;

    expect((await get(`${proxy.origin}/${open.prefix}/`, { cookie })).status).toBe(200);
    expect((await get(`${proxy.origin}/${guarded.prefix}/`, { cookie })).status).toBe(200);
    expect(await upgrade(`ws://127.0.0.1:${proxy.listeningPort}/${open.prefix}/`, { cookie })).toBe(101);
    expect(await upgrade(`ws://127.0.0.1:${proxy.listeningPort}/${guarded.prefix}/`, { cookie })).toBe(101);

    expect(service.received).toHaveLength(4);
    for (const headers of service.received) expect(headers.cookie).toBe('theirs=1');
  });

  it('opens WebSockets of a service that requires sign-in only to its own origin, or to no origin', async () => {
    const service = await echoService();
    const guarded = route('guarded', service.port, true);
    const { proxy, signIn } = await startProxy([guarded]);
    const url = `ws://127.0.0.1:${proxy.listeningPort}/${guarded.prefix}/`;
    expect(await upgrade(url, { cookie: signIn }, 'http://evil.example')).toBe(403);
    expect(await upgrade(url, { cookie: signIn }, `http://127.0.0.1:${proxy.listeningPort + 1}`)).toBe(403);
    expect(await upgrade(url, { cookie: signIn }, proxy.origin)).toBe(101);
    expect(await upgrade(url, { cookie: signIn })).toBe(101);
    expect(service.received).toHaveLength(2);
  });

  it('says 504 when a service does not begin to answer a request or an upgrade in time', async () => {
    const silent = await silentService();
    const quiet = route('quiet', silent.port, false);
    const { proxy } = await startProxy([quiet], 300);
    const reply = await get(`${proxy.origin}/${quiet.prefix}/`);
    expect(reply.status).toBe(504);
    expect(reply.body).toContain('did not begin to answer within 0 s');
    expect(await upgrade(`ws://127.0.0.1:${proxy.listeningPort}/${quiet.prefix}/`, {})).toBe(504);
    await until(() => silent.open.size === 0, 'the proxy to let go of the silent service');
  });

  it('leaves no socket behind for 1,000 clients that leave before the 101', async () => {
    const silent = await silentService();
    const quiet = route('quiet', silent.port, false);
    const { proxy } = await startProxy([quiet]);
    const before = openFds();
    const request = `GET /${quiet.prefix}/ HTTP/1.1\r\nHost: 127.0.0.1:${proxy.listeningPort}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${Buffer.from('0123456789abcdef').toString('base64')}\r\n\r\n`;
    for (let batch = 0; batch < 20; batch++) {
      const clients = Array.from({ length: 50 }, () => net.connect(proxy.listeningPort, '127.0.0.1'));
      for (const client of clients) client.on('error', () => undefined).write(request);
      // Each upgrade has reached the service, which never answers: then the client leaves.
      await until(() => silent.accepted() === (batch + 1) * 50, () => `the upgrades to reach the service (${silent.accepted()} of ${(batch + 1) * 50}, ${silent.open.size} open)`);
      for (const client of clients) client.destroy();
    }
    await until(() => silent.open.size === 0, 'the proxy to close its connections to the service');
    await until(() => openFds() <= before, () => `the open files to come back to ${before} (${openFds()})`);
    expect(silent.accepted()).toBe(1000);
  });
});
