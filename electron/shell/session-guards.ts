import type { Session } from 'electron';
import { isAppUrl } from '../core/policies/navigation-policy';

/**
 * The app needs no camera, microphone, notifications, devices, ...: every permission is refused, but
 * writing text to the clipboard from the app's own pages (its Copy buttons).
 */
export function guardSession(session: Session): void {
  const allowed = (permission: string, url: string) => permission === 'clipboard-sanitized-write' && isAppUrl(url);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
