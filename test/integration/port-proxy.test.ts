import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Session } from '../../electron/contract';
import { PortProxy } from '../../electron/core/proxy/port-proxy';
import { ProxyAuth } from '../../electron/core/proxy/proxy-auth';
import { requireDocker } from '../helpers/require-docker';
import { docker, idleService, startSessionApp, type SessionApp } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/services');

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request, no redirects followed, the whole body read. */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (reply: Reply) => JSON.parse(reply.body.toString('utf8'));

describe('the local port proxy against real services', () => {
  let current: SessionApp;
  let session: Session;
  let origin = '';
  const projectPath = () => ({ projectId: current.project.uuid, path: 'main.orchest' });
  const url = (service: string, port = 8080) => session.services.find((s) => s.name === service)!.ports.find((p) => p.port === port)!.url!;

  async function link(service: string, port?: number): Promise<string> {
    const { url: linked } = (await current.request('services.link', { ...projectPath(), service, port })) as { url: string };
    return linked;
  }

  /** The proxy's sign-in cookie, as a handed-out link sets it. */
  async function signedIn(service: string): Promise<string> {
    const signIn = await request(await link(service));
    return signIn.headers['set-cookie']![0]!.split(';')[0]!;
  }

  /** Resolves with the status that refused a WebSocket upgrade, or 101 when it opened. */
  function upgradeStatus(target: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(target, { headers });
      socket.once('open', () => (socket.close(), resolve(101)));
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('error', reject);
    });
  }

  /** Waits until the service answers through the proxy (its server may still be starting). */
  async function ready(target: string, headers: Record<string, string> = {}): Promise<void> {
    const deadline = Date.now() + 20_000;
    while ((await request(target, { headers })).status === 502) {
      if (Date.now() > deadline) throw new Error(`${target} never answered`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    await requireDocker();
    const debian = await ensureTestImage('debian');
    current = await startSessionApp('proxy');
    await fs.copyFile(path.join(FIXTURES, 'http_service.py'), path.join(current.project.path, 'http_service.py'));
    await fs.copyFile(path.join(FIXTURES, 'ws_echo.py'), path.join(current.project.path, 'ws_echo.py'));
    const python = (name: string, script: string, extra: Record<string, unknown>) =>
      idleService(name, debian, { command: 'python3', args: `-u /project-dir/${script}`, binds: { '/project-dir': '/project-dir' }, exposed: true, ...extra });
    await current.setServices({
      plain: python('plain', 'http_service.py', { ports: [8080], requires_authentication: false }),
      based: python('based', 'http_service.py', { ports: [8080], requires_authentication: false, preserve_base_path: true }),
      guarded: python('guarded', 'http_service.py', { ports: [8080] }),
      echo: python('echo', 'ws_echo.py', { ports: [8765] }),
      redis: idleService('redis', debian, { command: 'redis-server', args: '--protected-mode no', ports: [6379] }),
    });
    session = await current.app.sessions.start(current.project.uuid, 'main.orchest', true);
    expect(session.status).toBe('RUNNING');
    origin = current.app.proxy.origin;
    await Promise.all([ready(url('plain')), ready(url('based'))]);
  }, 600_000);

  afterAll(() => current?.close());

  it('strips the prefix without preserve_base_path, and says where the request came from', async () => {
    const reply = await request(`${url('plain')}a/b?q=1&r=two%20words`);
    expect(reply.body.toString()).toContain('"path"');
    expect(reply.status).toBe(200);
    const seen = json(reply);
    expect(seen.path).toBe('/a/b?q=1&r=two%20words');
    const prefix = new URL(url('plain')).pathname.slice(0, -1);
    expect(seen.headers).toMatchObject({ 'x-forwarded-prefix': prefix, 'x-forwarded-for': '127.0.0.1', 'x-forwarded-proto': 'http' });
    const bare = await request(`${origin}${prefix}?x=1`);
    expect(bare.status).toBe(308);
    expect(bare.headers.location).toBe(`${prefix}/?x=1`);
  });

  it("keeps redirects and cookies on the service's own path", async () => {
    const reply = await request(`${url('plain')}redirect`);
    expect(reply.status).toBe(302);
    const prefix = new URL(url('plain')).pathname.slice(0, -1);
    expect(reply.headers.location).toBe(`${prefix}/echo?from=redirect`);
    expect(reply.headers['set-cookie']).toEqual([`flavour=plain; Path=${prefix}/`]);
  });

  it('passes the whole path with preserve_base_path', async () => {
    expect(url('based')).toMatch(/\/pbp-service-based-.{36}_8080\/$/);
    const reply = await request(`${url('based')}x?y=1`);
    expect(json(reply).path).toBe(`${new URL(url('based')).pathname}x?y=1`);
    expect(json(reply).headers['x-forwarded-prefix']).toBeUndefined();
  });

  it('streams a large upload and a large download whole', async () => {
    const upload = randomBytes(24 * 1024 * 1024);
    const posted = await request(`${url('plain')}upload`, { method: 'POST', body: upload, headers: { 'Content-Type': 'application/octet-stream' } });
    expect(json(posted)).toEqual({ length: upload.length, sha256: createHash('sha256').update(upload).digest('hex') });
    const download = await request(`${url('plain')}big`);
    expect(download.body.length).toBe(8 * 1024 * 1024);
  });

  it('delivers server-sent events as they are sent, not when the response ends', async () => {
    const seen: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      http.get(`${url('plain')}events`, { agent: false }, (res) => {
        res.on('data', (chunk: Buffer) => {
          seen.push(chunk.toString('utf8'));
          // The service sends the second event only once released, which needs the first to have arrived.
          if (seen.join('').includes('first') && seen.length === 1) void request(`${url('plain')}release`);
        });
        res.on('end', resolve);
      }).on('error', reject);
    });
    await done;
    expect(seen.join('')).toBe('data: first\n\ndata: second\n\n');
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const reply = await request(url('plain'), { headers: { Host: `attacker.example:${new URL(origin).port}` } });
    expect(reply.status).toBe(421);
    expect((await request(url('plain').replace('127.0.0.1', 'localhost'))).status).toBe(200);
  });

  it('refuses a WebSocket upgrade for another host name, even signed in (DNS rebinding)', async () => {
    const wsUrl = url('echo', 8765).replace('http:', 'ws:');
    const cookie = await signedIn('echo');
    expect(await upgradeStatus(wsUrl, { Cookie: cookie, Host: `attacker.example:${new URL(origin).port}` })).toBe(421);
  });

  it('asks for sign-in on a service that requires it, and a handed-out link signs the browser in once', async () => {
    const refused = await request(url('guarded'));
    expect(refused.status).toBe(401);
    expect(refused.body.toString()).toContain('guarded');
    const linked = await link('guarded');
    const signIn = await request(linked);
    expect(signIn.status).toBe(302);
    expect(signIn.headers.location).toBe(new URL(url('guarded')).pathname);
    const cookie = signIn.headers['set-cookie']![0]!.split(';')[0]!;
    expect(signIn.headers['set-cookie']![0]).toMatch(/HttpOnly; SameSite=Strict$/);
    await ready(url('guarded'), { Cookie: cookie });
    const inside = await request(`${url('guarded')}echo`, { headers: { Cookie: `${cookie}; theirs=1` } });
    expect(inside.status).toBe(200);
    expect(json(inside).headers.cookie).toBe('theirs=1'); // the app's cookie never reaches the service
    expect((await request(linked)).status).toBe(401); // the token is used up
  });

  it('carries WebSockets, with the sign-in cookie', async () => {
    const wsUrl = url('echo', 8765).replace('http:', 'ws:');
    expect(await upgradeStatus(wsUrl, {})).toBe(401);
    const cookie = await signedIn('echo');
    const echo = async () => {
      const socket = new WebSocket(wsUrl, { headers: { Cookie: cookie } });
      await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
      socket.send('hello through the proxy');
      const message = await new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
      socket.close();
      return message;
    };
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = await echo().catch((error: Error) => error);
      if (answer === 'hello through the proxy') break;
      if (Date.now() > deadline) throw answer;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  });

  it('lists the running services on an unknown path', async () => {
    const reply = await request(`${origin}/nothing-here`);
    expect(reply.status).toBe(404);
    const page = reply.body.toString();
    expect(page).toContain(new URL(url('plain')).pathname);
    expect(page).not.toContain('redis'); // not exposed: no route
  });

  it('answers 502 naming the service while it is down, and 200 once it is back', async () => {
    const container = session.services.find((s) => s.name === 'plain')!.containerName;
    const state = async () => (await current.app.sessions.get(current.project.uuid, 'main.orchest')).services.find((s) => s.name === 'plain')!.state;
    const until = async (wanted: string) => {
      const deadline = Date.now() + 20_000;
      while ((await state()) !== wanted) {
        if (Date.now() > deadline) throw new Error(`plain never became ${wanted}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await docker('stop', '-t', '1', container);
    await until('exited');
    const down = await request(url('plain'));
    expect(down.status).toBe(502);
    expect(down.body.toString()).toMatch(/plain.*exited with code/s);
    expect(down.body.toString()).toContain('http-equiv="refresh"');
    await docker('start', container);
    await until('running');
    await ready(url('plain'));
    const back = await request(`${url('plain')}echo`);
    expect(back.body.toString()).toContain('"path"');
    expect(back.status).toBe(200);
  });

  it("reaches a service's TCP port from this machine (Redis PING)", async () => {
    const redis = (await current.app.sessions.get(current.project.uuid, 'main.orchest')).services.find((s) => s.name === 'redis')!;
    const hostPort = redis.ports[0]!.hostPort!;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(hostPort, '127.0.0.1', () => socket.write('PING\r\n'));
        socket.once('data', (data) => (resolve(String(data)), socket.destroy()));
        socket.once('error', () => resolve(''));
        socket.once('close', () => resolve(''));
      });
      if (answer === '+PONG\r\n') break;
      if (Date.now() > deadline) throw new Error(`Redis did not answer PING: ${JSON.stringify(answer)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});

describe('the proxy port', () => {
  it('moves to a free port when the preferred one is taken, and says which was taken', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as net.AddressInfo).port;
    const proxy = new PortProxy({ routes: () => new Map(), auth: new ProxyAuth('od_test') });
    try {
      const listening = await proxy.listen(taken);
      expect(listening.preferredPortTaken).toBe(taken);
      expect(listening.port).not.toBe(taken);
      expect(proxy.origin).toBe(`http://127.0.0.1:${listening.port}`);
      expect((await request(`${proxy.origin}/`)).status).toBe(404);
    } finally {
      await proxy.dispose();
      squatter.close();
    }
  });
});
