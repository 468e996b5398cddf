import { describe, expect, it } from 'vitest';
import { ProxyAuth } from '../../../../electron/core/proxy/proxy-auth';

describe('ProxyAuth', () => {
  it('redeems a link token once, and only before it expires', () => {
    let now = 0;
    const auth = new ProxyAuth('od_proxy', () => now);
    const token = auth.issue();
    expect(auth.redeem(token)).toBe(true);
    expect(auth.redeem(token)).toBe(false);
    const late = auth.issue();
    now += 10 * 60_000 + 1;
    expect(auth.redeem(late)).toBe(false);
    expect(auth.redeem('made-up')).toBe(false);
  });

  it('admits the cookie it sets and nothing like it', () => {
    const auth = new ProxyAuth('od_proxy');
    const cookie = auth.setCookie();
    expect(cookie).toMatch(/^od_proxy=[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const pair = cookie.split(';')[0]!;
    expect(auth.admits(`a=1; ${pair}`)).toBe(true);
    expect(auth.admits(`${pair}x`)).toBe(false);
    expect(auth.admits('od_proxy=guess')).toBe(false);
    expect(auth.admits(undefined)).toBe(false);
    expect(new ProxyAuth('od_proxy').admits(pair)).toBe(false);
  });
});
