import { app as electronApp, ipcMain } from 'electron';
import path from 'node:path';
import { IpcTransport } from '../bridge/ipc-transport';
import { OrchestApp } from '../core/app';
import { resolveAppHome } from '../core/app-home';
import { AppLog } from '../core/diagnostics/app-log';
import { isTrustedFrameUrl } from '../core/policies/navigation-policy';
import { claimHome } from '../host/claim-home';
import { startHost, type RunningHost } from '../host/start-host';
import { APP_VERSION } from '../host/version';
import { desktopFileHooks } from './desktop-file-hooks';
import { electronStoreSettings } from './electron-store-settings';
import type { ExternalOpener } from './external-opener';
import { launchOptions } from './launch-options';
import { safeStorageCipher } from './safe-storage-cipher';

export interface DesktopServices {
  /** Serves the bridge to the app's windows over IPC; `attach` a window when it is created. */
  readonly transport: IpcTransport;
  dispose(): Promise<void>;
}

/**
 * The core behind the window: the OrchestApp, its IPC transport, and the loopback host that lets the
 * CLI (`orchest-desktop projects list`, ...) talk to the running app through the discovery file.
 */
export async function desktopServices(argv: readonly string[], opener: ExternalOpener): Promise<DesktopServices> {
  const home = resolveAppHome();
  const lock = claimHome(home);
  const settings = electronStoreSettings(home);
  const { workspace } = launchOptions(argv);
  if (workspace) settings.update({ workspace });
  // Packaged, the containers' files are extraResources (electron-builder.yml), outside the asar archive.
  const resourcesDir = electronApp.isPackaged ? process.resourcesPath : path.join(electronApp.getAppPath(), 'resources');
  const log = new AppLog(home, 'main');
  const app = new OrchestApp({ home, shell: 'electron', version: APP_VERSION, settings, cipher: safeStorageCipher, resourcesDir, log, desktopFiles: desktopFileHooks });
  try {
    await app.start();
  } catch (error) {
    log.write('error', `Could not start: ${String(error)}`);
    await app.dispose();
    await log.dispose();
    lock.release();
    throw error;
  }
  // Service links the renderer opens (window.open) go to the system browser, on the proxy's port only.
  const forgetProxyPort = opener.allowPort(app.proxy.listeningPort);
  const transport = new IpcTransport(ipcMain, app.bridge, isTrustedFrameUrl);
  // Without the host only the CLI loses its way in; the window still works, so start anyway.
  const host: RunningHost | undefined = await startHost({ app, home, shell: 'electron', port: 0 }).catch(
    (error: unknown) => {
      console.error(`The CLI endpoint could not start: ${String(error)}`);
      return undefined;
    },
  );
  let disposed: Promise<void> | undefined;
  return {
    transport,
    dispose: () =>
      (disposed ??= (async () => {
        transport.dispose();
        forgetProxyPort();
        await host?.stop();
        await app.dispose();
        await log.dispose();
        lock.release();
      })()),
  };
}
