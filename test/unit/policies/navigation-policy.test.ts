import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_START_URL,
  isAllowedNavigation,
  isAppUrl,
  isTrustedFrameUrl,
  originOf,
} from '../../../electron/core/policies/navigation-policy';

describe('navigation policy', () => {
  it("gives app:// URLs the app's tuple origin, where Node's URL says \"null\"", () => {
    expect(new URL('app://orchest/index.html').origin).toBe('null');
    expect(originOf('app://orchest/index.html')).toBe(APP_ORIGIN);
    expect(originOf('app://ORCHEST/x')).toBe(APP_ORIGIN);
    expect(originOf('https://example.com/a')).toBe('https://example.com');
  });

  it('gives opaque origins null, so that two of them never compare equal', () => {
    expect(originOf('evil://orchest/index.html')).toBeNull();
    expect(originOf('data:text/html,<p>hi</p>')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('app:orchest')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });

  it("allows navigation within the app's own origin", () => {
    expect(isAllowedNavigation(APP_START_URL)).toBe(true);
    expect(isAllowedNavigation('app://orchest/')).toBe(true);
    expect(isAllowedNavigation('app://orchest/projects/abc?tab=pipelines#top')).toBe(true);
  });

  it('refuses every other destination', () => {
    for (const url of [
      'app://other/index.html',
      'app://orchest.evil.example/',
      'https://orchest/',
      'http://127.0.0.1:8000/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'about:blank',
      'chrome://gpu',
      'devtools://devtools/bundled/inspector.html',
      '',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it("trusts bridge requests only from frames that show the app's pages", () => {
    expect(isTrustedFrameUrl('app://orchest/index.html')).toBe(true);
    expect(isTrustedFrameUrl('app://orchest/nested/page')).toBe(true);
    expect(isTrustedFrameUrl('http://127.0.0.1:4000/')).toBe(false);
    expect(isTrustedFrameUrl('https://evil.example/app://orchest/')).toBe(false);
    expect(isTrustedFrameUrl('about:srcdoc')).toBe(false);
    expect(isTrustedFrameUrl('about:blank')).toBe(false);
    expect(isTrustedFrameUrl('')).toBe(false);
  });

  it('names the app URL by origin, not by prefix', () => {
    expect(isAppUrl('app://orchest@evil.example/')).toBe(false);
    expect(isAppUrl('app://orchest:8080/')).toBe(false);
  });
});
