import { describe, expect, it } from 'vitest';
import { isOpenableExternalUrl } from '../../../electron/core/policies/external-url-policy';

const PROXY = 41234;

describe('external URL policy', () => {
  it("opens http(s) URLs on the loopback address and the app's own ports", () => {
    expect(isOpenableExternalUrl(`http://127.0.0.1:${PROXY}/service-web-abc_8080/`, [PROXY])).toBe(true);
    expect(isOpenableExternalUrl(`http://localhost:${PROXY}/`, [PROXY])).toBe(true);
    expect(isOpenableExternalUrl(`https://127.0.0.1:${PROXY}/x?y=1#z`, [PROXY])).toBe(true);
    expect(isOpenableExternalUrl(`http://LOCALHOST:${PROXY}/`, new Set([PROXY]))).toBe(true);
  });

  it('refuses ports the app did not register', () => {
    expect(isOpenableExternalUrl(`http://127.0.0.1:${PROXY + 1}/`, [PROXY])).toBe(false);
    expect(isOpenableExternalUrl(`http://127.0.0.1:${PROXY}/`, [])).toBe(false);
    expect(isOpenableExternalUrl('http://127.0.0.1/', [PROXY])).toBe(false);
    expect(isOpenableExternalUrl('http://127.0.0.1/', [80])).toBe(true);
    expect(isOpenableExternalUrl('https://localhost/', [80])).toBe(false);
  });

  it('refuses other hosts, even ones that resolve to loopback or look like it', () => {
    for (const url of [
      `http://example.com:${PROXY}/`,
      `http://127.0.0.1.nip.io:${PROXY}/`,
      `http://localhost.evil.example:${PROXY}/`,
      `http://[::1]:${PROXY}/`,
      `http://0.0.0.0:${PROXY}/`,
      `http://192.168.1.10:${PROXY}/`,
      `http://127.0.0.1@evil.example:${PROXY}/`,
    ]) {
      expect(isOpenableExternalUrl(url, [PROXY]), url).toBe(false);
    }
  });

  it('refuses every scheme but http and https', () => {
    for (const url of [
      'file:///etc/passwd',
      `ftp://127.0.0.1:${PROXY}/`,
      `ws://127.0.0.1:${PROXY}/`,
      'javascript:alert(1)',
      'smb://127.0.0.1/share',
      'app://orchest/index.html',
      'vscode://file/etc/passwd',
      'mailto:someone@example.com',
    ]) {
      expect(isOpenableExternalUrl(url, [PROXY, 21]), url).toBe(false);
    }
  });

  it('refuses credentials in the URL and text that is no URL', () => {
    expect(isOpenableExternalUrl(`http://user:pass@127.0.0.1:${PROXY}/`, [PROXY])).toBe(false);
    expect(isOpenableExternalUrl(`http://user@localhost:${PROXY}/`, [PROXY])).toBe(false);
    expect(isOpenableExternalUrl('127.0.0.1:41234', [PROXY])).toBe(false);
    expect(isOpenableExternalUrl('', [PROXY])).toBe(false);
  });
});
