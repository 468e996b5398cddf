// `npm run test:electron`: the Electron smoke test (test/electron) where an Electron binary exists, under
// Xvfb when Linux has no display; elsewhere one line saying it was skipped. Extra arguments go to Playwright.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronAvailability } from './electron-availability.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const config = fileURLToPath(new URL('../test/electron/playwright.electron.config.ts', import.meta.url));

const decision = electronAvailability({
  electronDir: fileURLToPath(new URL('../node_modules/electron/', import.meta.url)),
  pathTxt: readOrNull(new URL('../node_modules/electron/path.txt', import.meta.url)),
  exists: existsSync,
  platform: process.platform,
  // Only the binary is asked about here: a missing display is made below with xvfb-run.
  env: { ...process.env, DISPLAY: process.env.DISPLAY || ':xvfb-run' },
  now: new Date(),
});
if (decision.action !== 'launch') {
  // 'fetch': the binary is missing and could be downloaded; a test run does not download it.
  const reason = decision.action === 'fetch' ? 'no Electron binary; `npm start` or `npx install-electron` fetches it' : decision.reason;
  console.log(`test:electron: skipped (${reason}); nothing was tested`);
  process.exit(0);
}

const needsXvfb = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (needsXvfb && spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) {
  // Electron is here but cannot be shown: that is a broken test machine, not a skip.
  console.error('test:electron: Electron is here but there is no display, and no xvfb-run to make one (install xvfb)');
  process.exit(1);
}

// The test launches dist/ as `npm start` does: build it so that it is not stale.
const build = spawnSync('npm', ['run', 'build'], { cwd: appDir, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const playwright = [process.execPath, playwrightCli, 'test', '--config', config, ...process.argv.slice(2)];
const [command, ...args] = needsXvfb ? ['xvfb-run', '-a', ...playwright] : playwright;
const child = spawn(command, args, { cwd: appDir, stdio: 'inherit' });
child.on('error', (error) => {
  console.error(`test:electron: could not run ${command}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code) => process.exit(code ?? 1));

function readOrNull(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
