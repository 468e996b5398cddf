/** The app's own pages are served from this origin by the Electron shell (see electron/shell/app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'orchest';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as Chromium sees it, or null when it has none. Node's URL gives every non-special
 * scheme (app:, evil:, ...) the opaque origin "null", so comparing `.origin` alone would treat any two of
 * them as the same origin; our registered standard scheme gets its tuple origin here instead.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host !== '') return `${APP_SCHEME}://${parsed.host.toLowerCase()}`;
  return null;
}

/** A page of the app itself. */
export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/** The window may only ever show the app's own pages; everything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Bridge requests are taken only from frames that show the app (never from a foreign iframe or page). */
export function isTrustedFrameUrl(url: string): boolean {
  return isAppUrl(url);
}
