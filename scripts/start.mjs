// `npm start`: the Electron app when Electron can run here, else the same UI from the headless host in
// the browser. Extra arguments (`npm start -- --no-open --workspace DIR`) go to either.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { electronAvailability } from './electron-availability.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const electronDir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));
const cli = fileURLToPath(new URL('../bin/orchest-desktop.mjs', import.meta.url));
const args = process.argv.slice(2);
// An Electron that exits non-zero this soon did not start (missing libraries, no usable display, ...).
const STARTUP_GRACE_MS = 3000;

const availability = electronAvailability({
  electronDir,
  pathTxt: readOrNull(new URL('../node_modules/electron/path.txt', import.meta.url)),
  binaryExists: existsSync,
  platform: process.platform,
  env: process.env,
});

if (availability.ok) startElectron(availability.binary);
else serve(`Electron cannot start here (${availability.reason}); serving the same UI in your browser instead.`);

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
