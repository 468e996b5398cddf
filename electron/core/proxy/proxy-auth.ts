import { randomBytes, timingSafeEqual } from 'node:crypto';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';

/** The query parameter of a handed-out link; redeemed once for the cookie. */
export const LINK_TOKEN_PARAM = 'orchest_desktop_token';
const LINK_TTL_MS = 10 * 60_000;

/**
 * Who may reach services that require authentication: a browser that opened a link handed out by the
 * app (through the UI or the CLI) gets a cookie. Links carry a one-time token, so a link that leaks
 * after use opens nothing; other local users and web pages never see the cookie.
 */
export class ProxyAuth {
  private readonly secret = randomBytes(32).toString('base64url');
  private readonly tokens = new Map<string, number>();

  constructor(
    readonly cookieName: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A one-time token for a link, valid for ten minutes. */
  issue(): string {
    this.forgetExpired();
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, this.now() + LINK_TTL_MS);
    return token;
  }

  /** Uses the token up; true when it was valid. */
  redeem(token: string): boolean {
    const expiry = this.tokens.get(token);
    this.tokens.delete(token);
    return expiry !== undefined && expiry > this.now();
  }

  /** Whether the request's Cookie header carries the app's cookie. */
  admits(cookieHeader: string | undefined): boolean {
    const value = cookieHeader ? parseCookie(cookieHeader)[this.cookieName] : undefined;
    if (!value) return false;
    const given = Buffer.from(value);
    const expected = Buffer.from(this.secret);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** Set-Cookie for the whole proxy origin; Strict keeps it off requests that other sites start. */
  setCookie(): string {
    return serializeCookie(this.cookieName, this.secret, { path: '/', httpOnly: true, sameSite: 'strict' });
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, expiry] of this.tokens) if (expiry <= now) this.tokens.delete(token);
  }
}
