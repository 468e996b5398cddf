import { OrchestApp } from '../core/app';
import { resolveAppHome } from '../core/app-home';
import { AppLog } from '../core/diagnostics/app-log';
import { createConfSettings } from '../core/settings/conf-settings';
import { claimHome } from './claim-home';
import { APP_VERSION } from './version';
import { startHost } from './start-host';

export interface ServeOptions {
  workspace?: string;
  port: number;
  open: boolean;
  /** The built renderer to serve. */
  rendererDir: string;
}

export const SERVING_LINE = 'Orchest Desktop is serving at';

/** `orchest-desktop serve`: the main-process core without Electron, and the UI in a browser. */
export async function serve(options: ServeOptions): Promise<void> {
  const home = resolveAppHome();
  const lock = claimHome(home);
  const settings = createConfSettings(home);
  if (options.workspace) settings.update({ workspace: options.workspace });
  const log = new AppLog(home, 'host');
  const app = new OrchestApp({ home, shell: 'host', version: APP_VERSION, settings, log });
  const host = await startHost({
    app,
    home,
    shell: 'host',
    port: options.port,
    rendererDir: options.rendererDir,
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await host.stop();
      await app.dispose();
      await log.dispose();
    } finally {
      lock.release();
      process.exit(code);
    }
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));

  console.log(`${SERVING_LINE} ${host.url}`);
  await app.start(); // after listening: the first page load need not wait for the engine check

  if (options.open) {
    const report = (error: Error) => console.error(`Could not open a browser (${error.message}); open the link above.`);
    const { default: open } = await import('open');
    await open(host.url).then((child) => child.on('error', report), report);
  }
}
