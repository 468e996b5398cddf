import envPaths from 'env-paths';
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronArtifact, fetchLine, installerError, progressText } from './electron-artifact.mjs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const PROBE_TIMEOUT_MS = 5000;

/**
 * Runs Electron's own installer (node_modules/electron/install.js) after saying what it fetches and
 * how big. Resolves with { ok: true }, { ok: false, error } quoting the installer, or { signal } when
 * the run was interrupted.
 */
export async function fetchElectron({ electronDir, env = process.env }) {
  const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  const artifact = electronArtifact({
    version,
    platform: process.platform,
    arch: process.arch,
    env,
    cacheRoot: env.electron_config_cache || envPaths('electron', { suffix: '' }).cache,
    isRosetta,
  });
  const cached = artifact.cachePath !== null && fs.existsSync(artifact.cachePath);
  const sizeBytes = cached ? null : await contentLength(artifact.url);
  console.log(fetchLine(artifact, { sizeBytes, cached }));

  // The installer downloads into os.tmpdir(): a temp dir of our own lets us watch the bytes arrive.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orchest-electron-fetch-'));
  const showProgress = !cached && !env.ELECTRON_GET_NO_PROGRESS;
  const progress = showProgress ? watchProgress(tmp, artifact, sizeBytes) : { stop() {} };
  try {
    const { code, signal, stderr, spawnError } = await runInstaller(path.join(electronDir, 'install.js'), {
      ...env,
      TMPDIR: tmp,
      TMP: tmp,
      TEMP: tmp,
    });
    if (signal) return { signal };
    if (spawnError) return { ok: false, error: spawnError.message };
    if (code !== 0) return { ok: false, error: installerError(stderr, code) };
    if (stderr.trim()) process.stderr.write(stderr); // its warnings, if any
    return { ok: true };
  } finally {
    progress.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Its stderr is kept to quote its error; signals sent to `npm start` reach it. */
function runInstaller(installJs, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installJs], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const forward = (signal) => child.exitCode === null && child.kill(signal);
    for (const signal of SIGNALS) process.on(signal, forward);
    const done = (result) => {
      for (const signal of SIGNALS) process.off(signal, forward);
      resolve({ stderr, ...result });
    };
    child.once('error', (spawnError) => done({ code: null, signal: null, spawnError }));
    child.once('close', (code, signal) => done({ code, signal }));
  });
}

/**
 * @electron/get draws its own bar only on a TTY stderr and only after 30 s; with stderr piped it never
 * draws. So: the size of the file it downloads, in place on a terminal, else a line every 10 s.
 */
function watchProgress(tmp, artifact, sizeBytes) {
  const onTerminal = Boolean(process.stdout.isTTY);
  let shown = false;
  const timer = setInterval(
    () => {
      const received = downloadedBytes(tmp, artifact.fileName);
      if (received === null) return;
      const text = progressText(artifact.platform, received, sizeBytes);
      if (onTerminal) process.stdout.write(`\r  ${text}\x1b[K`);
      else console.log(`  ${text}`);
      shown = true;
    },
    onTerminal ? 500 : 10_000,
  );
  return {
    stop() {
      clearInterval(timer);
      if (shown && onTerminal) process.stdout.write('\n');
      shown = false;
    },
  };
}

/** The size of the zip @electron/get downloads into tmp/electron-download-XXXXXX/, or null while there is none. */
function downloadedBytes(tmp, fileName) {
  try {
    for (const entry of fs.readdirSync(tmp)) {
      if (!entry.startsWith('electron-download-')) continue;
      const file = path.join(tmp, entry, fileName);
      if (fs.existsSync(file)) return fs.statSync(file).size;
    }
  } catch {
    // The installer removes its temp dirs as it goes.
  }
  return null;
}

/** The zip's size as the server announces it (following GitHub's redirect), or null when it does not say. */
async function contentLength(url) {
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const length = Number(response.headers.get('content-length'));
    return response.ok && length > 0 ? length : null;
  } catch {
    return null;
  }
}

/** As install.js asks: an x64 Node.js on Apple silicon runs under Rosetta, and the installer fetches arm64. */
function isRosetta() {
  try {
    return execSync('sysctl -in sysctl.proc_translated', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() === '1';
  } catch {
    return false;
  }
}
