import { describe, expect, it } from 'vitest';
import { serviceSetCookies, withoutAppCookies } from '../../../../electron/core/proxy/app-cookies';

describe("the app's cookies", () => {
  it('are all taken out of what a service receives, the host token and the proxy sign-in alike', () => {
    expect(withoutAppCookies('a=1; orchest_desktop_40123=host-token; b=2; orchest_desktop_proxy_77=s')).toBe('a=1; b=2');
    expect(withoutAppCookies('orchest_desktop_40123=host-token')).toBeUndefined();
    expect(withoutAppCookies(' theme=dark ;orchest_desktop_1=x')).toBe('theme=dark');
    // A name that only contains the prefix elsewhere is the service's own.
    expect(withoutAppCookies('my_orchest_desktop=1')).toBe('my_orchest_desktop=1');
  });

  it("are not the service's to set", () => {
    expect(serviceSetCookies(['orchest_desktop_40123=evil; Path=/', 'session=abc; HttpOnly'])).toEqual(['session=abc; HttpOnly']);
  });
});
