import { fileURLToPath } from 'node:url';
import { BrowserWindow } from 'electron';
import { APP_START_URL } from '../core/policies/navigation-policy';

/** The one window: sandboxed, isolated, no Node, showing the renderer from app://. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Orchest Desktop',
    webPreferences: {
      // The preload is built beside main.mjs in dist/electron.
      preload: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_START_URL).catch((error: unknown) => console.error(`Could not load the app: ${String(error)}`));
  return window;
}

/** Brings the window to the front (a second launch of the app lands here). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
