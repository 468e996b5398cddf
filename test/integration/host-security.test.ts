import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

function get(port: number, pathname: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

/** Resolves with the HTTP status that refused the upgrade, or 101 when it opened. */
function upgrade(port: number, query: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge${query}`, { headers });
    ws.once('open', () => (ws.close(), resolve(101)));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  });
}

describe('the headless host', () => {
  let host: HostProcess;
  beforeAll(async () => (host = await startHostProcess()));
  afterAll(() => host?.stop());

  it('listens on 127.0.0.1 only and prints one serving line', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect(host.output().trim().split('\n')).toHaveLength(1);
  });

  it('answers 401 without the token, and trades a valid token for a cookie', async () => {
    expect((await get(host.port, '/')).status).toBe(401);
    expect((await get(host.port, '/?token=wrong')).status).toBe(401);
    const first = await get(host.port, `/?token=${host.token}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await get(host.port, '/', { cookie: cookie.split(';')[0] ?? '' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('refuses other Host names (DNS rebinding)', async () => {
    expect((await get(host.port, `/?token=${host.token}`, { host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('refuses a bridge socket for another Host name, even with the token and our own origin', async () => {
    const foreign = { host: `evil.example:${host.port}`, origin: host.origin };
    expect(await upgrade(host.port, `?token=${host.token}`, foreign)).toBe(401);
    expect(await upgrade(host.port, `?token=${host.token}`, { ...foreign, host: `localhost:${host.port}` })).toBe(101);
  });

  it('opens the bridge socket only with the token and from our own origin', async () => {
    expect(await upgrade(host.port, '')).toBe(401);
    expect(await upgrade(host.port, '?token=nope')).toBe(401);
    expect(await upgrade(host.port, `?token=${host.token}`, { origin: 'https://evil.example' })).toBe(401);
    expect(await upgrade(host.port, `?token=${host.token}`, { origin: host.origin })).toBe(101);
    expect(await upgrade(host.port, `?token=${host.token}`)).toBe(101);
  });

  it('writes a 0600 discovery file with url, token and pid', () => {
    const file = path.join(host.home, 'host.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ url: host.url, token: host.token, pid: host.child.pid, shell: 'host' });
  });
});

describe('stopping the host', () => {
  it('removes the discovery file and exits 0 on SIGTERM', async () => {
    const host = await startHostProcess();
    const file = path.join(host.home, 'host.json');
    expect(fs.existsSync(file)).toBe(true);
    host.child.kill('SIGTERM');
    const code = await new Promise((resolve) => host.child.once('exit', resolve));
    expect(code).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
    await host.stop();
  });
});
