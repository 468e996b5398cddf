import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import path from 'node:path';
import { resolveAppHome } from '../core/app-home';
import { appMenu } from './app-menu';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { desktopServices, type DesktopServices } from './desktop-services';
import { ExternalOpener } from './external-opener';
import { createMainWindow, focusWindow } from './main-window';
import { guardSession } from './session-guards';
import { singleInstance } from './single-instance';
import { guardWebContents } from './web-contents-guards';

// All must happen before `ready`.
registerAppScheme();
app.enableSandbox();
// Electron's data, and so its single-instance lock, live in the app home: one app per home.
app.setPath('userData', path.join(resolveAppHome(), 'electron'));

const opener = new ExternalOpener((url) => shell.openExternal(url));
let services: DesktopServices | undefined;
let mainWindow: BrowserWindow | undefined;
let stopped = false;

if (!singleInstance(() => mainWindow && focusWindow(mainWindow))) {
  app.quit();
} else {
  // Every web contents, the main window's included, gets the guards the moment it exists.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, opener));
  app.on('session-created', guardSession);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (stopped || !services) return;
    // Sessions are stopped (unless the setting keeps them), watchers and the CLI endpoint closed, before the process ends.
    event.preventDefault();
    const running = services;
    services = undefined;
    running
      .dispose()
      .catch((error: unknown) => console.error(`Shutdown failed: ${String(error)}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  guardSession(session.defaultSession);
  serveAppProtocol();
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenu(process.platform)));
  services = await desktopServices(process.argv, opener);
  openWindow();
  // macOS keeps the app running without windows; the dock icon brings one back.
  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
}

function openWindow(): void {
  const window = createMainWindow();
  services?.transport.attach(window.webContents);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  mainWindow = window;
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Orchest Desktop could not start: ${message}`);
  dialog.showErrorBox('Orchest Desktop could not start', message);
  app.exit(1);
}
