import type { Session } from 'electron';

/** The app needs no camera, microphone, notifications, devices, ...: every permission is refused. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
