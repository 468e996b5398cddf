import { fileURLToPath } from 'node:url';
import { protocol } from 'electron';
import { APP_SCHEME } from '../core/policies/navigation-policy';
import { appProtocolHandler } from './app-protocol-handler';

/**
 * Must run before `ready`. A standard, secure scheme gives the page a real origin (app://orchest) and a
 * secure context, unlike file://. Vite's module scripts load in CORS mode, which needs corsEnabled; no
 * response carries Access-Control-Allow-Origin, so other origins still cannot read them.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Serves the built renderer (dist/renderer, beside dist/electron) on app://. */
export function serveAppProtocol(): void {
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
}
