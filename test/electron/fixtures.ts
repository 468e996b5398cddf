import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BridgeClient } from '../../electron/contract';
import { discoveryFilePath } from '../../electron/core/app-home';
import { readDiscoveryFile } from '../../electron/host/discovery-file';
import { OrchestDesktopPage } from '../e2e/pages/orchest-desktop-page';
import { connectBridge, REPO } from '../helpers/host-process';
import { removeEnvironmentImages, removeLabelled } from '../helpers/session-app';
import { makeTempDir } from '../helpers/temp-dir';

/** A project that is a folder in the workspace before the app starts. */
export const FOLDER_PROJECT = 'made-before-launch';

export interface Desktop {
  electronApp: ElectronApplication;
  /** The app's one window. */
  page: Page;
  /** The same page object the e2e tests click through. */
  app: OrchestDesktopPage;
  /** The URLs the app handed to shell.openExternal, which is stubbed: no browser opens. */
  openedExternally(): Promise<string[]>;
  /** The bridge the CLI uses, found through the discovery file in the app home. */
  connect(): Promise<BridgeClient>;
  /** Starts the app once more with the same home, as a person would; resolves when it has exited. */
  launchAgain(): Promise<{ code: number | null; output: string }>;
}

type Recorded = { openedExternally: string[] };

/**
 * Each test gets the built app launched as `npm start` does (the package folder, so that app.getAppPath()
 * and the app name are the real ones) on its own app home, workspace and Electron user data. Afterwards the
 * app is quit (which stops its sessions), whatever it left in Docker is removed, and so are the folders.
 */
export const test = base.extend<{ desktop: Desktop }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  desktop: async ({}, use, testInfo) => {
    const { dir, cleanup } = await makeTempDir('od-electron-');
    const home = path.join(dir, 'home');
    const workspace = path.join(dir, 'workspace');
    await fs.mkdir(path.join(workspace, 'projects', FOLDER_PROJECT), { recursive: true });
    // The single-instance lock is in Electron's user data folder: a temp one keeps a running Orchest Desktop out.
    const args = [`--user-data-dir=${path.join(dir, 'user-data')}`, REPO, '--workspace', workspace];
    const env = electronEnv({ ORCHEST_DESKTOP_HOME: home });
    let electronApp: ElectronApplication | undefined;
    try {
      electronApp = await _electron.launch({ args, env, cwd: REPO });
      let output = '';
      electronApp.process().stdout?.on('data', (chunk) => (output += chunk));
      electronApp.process().stderr?.on('data', (chunk) => (output += chunk));
      await electronApp.evaluate(({ shell }) => {
        const opened: string[] = [];
        (globalThis as unknown as Recorded).openedExternally = opened;
        shell.openExternal = async (url: string) => void opened.push(url);
      });
      const page = await electronApp.firstWindow();
      const running = electronApp;
      await use({
        electronApp,
        page,
        app: new OrchestDesktopPage(page),
        openedExternally: () => running.evaluate(() => (globalThis as unknown as Recorded).openedExternally),
        connect: () => connectBridge(discoveryOf(home).url),
        // Not through Playwright: this launch is to hand over and quit before anything could attach to it.
        // --no-sandbox as Playwright's launch gives the first one on Linux (root needs it).
        launchAgain: () => runToExit(electronBinary(), [...(process.platform === 'linux' ? ['--no-sandbox'] : []), ...args], env),
      });
      if (testInfo.status !== testInfo.expectedStatus) {
        await page.screenshot({ path: testInfo.outputPath('window.png') }).catch(() => undefined);
        await testInfo.attach('electron output', { body: output, contentType: 'text/plain' });
      }
    } finally {
      try {
        if (electronApp) await quit(electronApp, home);
      } finally {
        await cleanup();
      }
    }
  },
});

export { expect } from '@playwright/test';

/** What Playwright's _electron.launch runs: node_modules/electron's index.js exports the binary's path. */
function electronBinary(): string {
  return createRequire(import.meta.url)('electron') as string;
}

/** This environment without ELECTRON_RUN_AS_NODE, which would make Electron a plain Node.js. */
function electronEnv(extra: Record<string, string>): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  delete env.ELECTRON_RUN_AS_NODE;
  return { ...env, ...extra };
}

function discoveryOf(home: string) {
  const discovery = readDiscoveryFile(discoveryFilePath(home));
  if (!discovery) throw new Error(`the app wrote no discovery file in ${home}`);
  return discovery;
}

/** Quits the app (which stops its sessions), then removes whatever its projects left in Docker. */
async function quit(electronApp: ElectronApplication, home: string): Promise<void> {
  const projects = await projectIdsOf(home);
  await electronApp.close();
  for (const uuid of projects) {
    await removeLabelled(uuid);
    await removeEnvironmentImages(uuid);
  }
}

async function projectIdsOf(home: string): Promise<string[]> {
  const url = readDiscoveryFile(discoveryFilePath(home))?.url;
  const bridge = url ? await connectBridge(url).catch(() => undefined) : undefined;
  if (!bridge) return [];
  try {
    return (await bridge.request('projects.list', {})).map((p) => p.uuid);
  } finally {
    bridge.close();
  }
}

/** Runs a program to its end; fails (and stops it) when it is still running after `ms`. */
function runToExit(command: string, args: string[], env: Record<string, string>, ms = 20_000) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${command} ${args.join(' ')} was still running after ${ms / 1000} s:\n${output}`));
    }, ms);
    child.once('error', (error) => (clearTimeout(timer), reject(error)));
    child.once('exit', (code) => (clearTimeout(timer), resolve({ code, output })));
  });
}
