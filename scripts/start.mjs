// `npm start`: the Electron app when Electron can run here (fetching its binary with Electron's own
// installer when it is missing), else the same UI from the headless host in the browser. Extra
// arguments (`npm start -- --no-open --workspace DIR`) go to either; `--fetch-electron` is ours.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { electronAvailability, startArguments } from './electron-availability.mjs';
import { fetchElectron } from './electron-fetch.mjs';
import { appHome, clearFetchMemo, readFetchMemo, saveFetchMemo } from './electron-fetch-memo.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const electronDir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));
const cli = fileURLToPath(new URL('../bin/orchest-desktop.mjs', import.meta.url));
const { fetchRequested, args } = startArguments(process.argv.slice(2));
const home = appHome(process.env);
// An Electron that exits non-zero this soon did not start (missing libraries, no usable display, ...).
const STARTUP_GRACE_MS = 3000;

const decide = (attempt = null) =>
  electronAvailability({
    electronDir,
    pathTxt: readOrNull(new URL('../node_modules/electron/path.txt', import.meta.url)),
    exists: existsSync,
    platform: process.platform,
    env: process.env,
    fetchRequested,
    lastFetch: readFetchMemo(home),
    attempt,
    now: new Date(),
  });

let decision = decide();
if (decision.action === 'fetch') {
  const attempt = await fetchElectron({ electronDir });
  if (attempt.signal) process.exit(128 + constants.signals[attempt.signal]);
  if (attempt.ok) clearFetchMemo(home);
  else saveFetchMemo(home, { at: new Date(), error: attempt.error });
  decision = decide({ error: attempt.ok ? null : attempt.error });
}
if (decision.action === 'launch') startElectron(decision.binary);
else serve(`Electron cannot start here (${decision.reason}); serving the same UI in your browser instead.`);

function startElectron(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // it would make Electron a plain Node.js
  const started = Date.now();
  const child = run(binary, [appDir, ...args], env);
  child.on('error', (error) => serve(`Electron cannot start here (${error.message}); serving the same UI in your browser instead.`));
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null && Date.now() - started < STARTUP_GRACE_MS) {
      serve(`Electron cannot start here (it exited at once with code ${code}); serving the same UI in your browser instead.`);
    } else {
      process.exit(code ?? 1);
    }
  });
}

function serve(why) {
  console.log(why);
  const child = run(process.execPath, [cli, 'serve', ...args], process.env);
  child.on('error', (error) => {
    console.error(`Could not start the headless host: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code) => process.exit(code ?? 1));
}

/** Runs a child on this terminal; signals sent to this script (not only Ctrl-C) reach it. */
function run(command, commandArgs, env) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  const forward = (signal) => child.exitCode === null && child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('exit', () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(signal, forward);
  });
  return child;
}

function readOrNull(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
