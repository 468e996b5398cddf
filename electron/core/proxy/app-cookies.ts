/** Every cookie the app sets (the host's token, the proxy's sign-in) has a name that starts so. */
export const APP_COOKIE_PREFIX = 'orchest_desktop';

const isAppCookie = (name: string) => name.trim().startsWith(APP_COOKIE_PREFIX);

/**
 * The Cookie header without the app's cookies, or undefined when none is left. Browsers do not keep
 * cookies apart by port, so the host's and the proxy's reach every service on 127.0.0.1 unless removed.
 */
export function withoutAppCookies(cookieHeader: string): string | undefined {
  const rest = cookieHeader
    .split(';')
    .filter((part) => !isAppCookie(part.split('=', 1)[0] ?? ''))
    .map((part) => part.trim())
    .filter(Boolean)
    .join('; ');
  return rest || undefined;
}

/** Set-Cookie lines of a service, less any that would overwrite one of the app's. */
export function serviceSetCookies(lines: string[]): string[] {
  return lines.filter((line) => !isAppCookie(line.split('=', 1)[0] ?? ''));
}
