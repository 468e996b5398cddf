import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/host/security-headers';
import { appProtocolHandler } from '../../../electron/shell/app-protocol-handler';

let base: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
  const root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Orchest Desktop</title>');
  writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index.css'), 'body{}');
  writeFileSync(path.join(base, 'secret.txt'), 'secret');
  handle = appProtocolHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('appProtocolHandler', () => {
  it('serves index.html with the CSP and the other security headers', async () => {
    const response = await get('app://orchest/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Orchest Desktop</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their content type', async () => {
    const script = await get('app://orchest/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://orchest/assets/index.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for client-side routes, not for missing assets', async () => {
    const route = await get('app://orchest/projects/abc');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Orchest Desktop');
    expect((await get('app://orchest/assets/missing.js')).status).toBe(404);
  });

  it('refuses paths out of the renderer folder', async () => {
    const escape = await get('app://orchest/..%2fsecret.txt');
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('secret');
    expect(escape.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const resolved = await get('app://orchest/../secret.txt');
    expect(await resolved.text()).not.toBe('secret');
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get('app://orchest/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://orchest/index.html', 'POST')).status).toBe(405);
  });
});
