import path from 'node:path';

export const FETCH_FLAG = '--fetch-electron';
const RETRY = `run \`npm start -- ${FETCH_FLAG}\` to try again`;
// After a failed download, `npm start` serves in the browser at once for this long instead of trying again.
const RETRY_AFTER_MS = 60 * 60 * 1000;

/** `npm start -- ARGS`: whether --fetch-electron was asked for, and the arguments for the app or the host. */
export function startArguments(argv) {
  return { fetchRequested: argv.includes(FETCH_FLAG), args: argv.filter((arg) => arg !== FETCH_FLAG) };
}

/**
 * What `npm start` does: launch Electron's binary, fetch it first with Electron's installer, or serve
 * the UI in the browser (with the reason). Decided without requiring the electron package (its index.js
 * downloads the binary when missing). `pathTxt` is node_modules/electron/path.txt (null when absent),
 * the binary's path in node_modules/electron/dist, written by the installer. `lastFetch` is the last
 * failed download ({ at, error }, or null); `attempt` the download just tried in this run ({ error },
 * error null when the installer succeeded), or null.
 */
export function electronAvailability({ electronDir, pathTxt, exists, platform, env, fetchRequested = false, lastFetch = null, attempt = null, now }) {
  if (env.ORCHEST_DESKTOP_NO_ELECTRON === '1') return serve('ORCHEST_DESKTOP_NO_ELECTRON=1 is set');
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return serve('no display: neither DISPLAY nor WAYLAND_DISPLAY is set');
  // ELECTRON_OVERRIDE_DIST_PATH points at an unpacked Electron, as electron's own index.js allows; never fetched.
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, pathTxt?.trim() || 'electron');
    return exists(binary) ? { action: 'launch', binary } : serve(`no Electron binary at ${binary} (ELECTRON_OVERRIDE_DIST_PATH)`);
  }
  const relative = pathTxt?.trim();
  const binary = relative ? path.join(electronDir, 'dist', relative) : null;
  if (binary && exists(binary)) return { action: 'launch', binary };
  if (attempt) return serve(attempt.error ? `its download failed: ${attempt.error}; ${RETRY}` : `its installer left no binary in ${path.join(electronDir, 'dist')}; ${RETRY}`);
  if (!exists(path.join(electronDir, 'install.js'))) return serve('no Electron binary, and no electron package to fetch it with: run `npm install`');
  if (lastFetch && !fetchRequested && isRecent(lastFetch.at, now)) {
    return serve(`no Electron binary, last tried at ${clockTime(lastFetch.at)}: ${lastFetch.error}; ${RETRY}`);
  }
  return { action: 'fetch' };
}

function serve(reason) {
  return { action: 'serve', reason };
}

function isRecent(at, now) {
  const age = now.getTime() - at.getTime();
  return age >= 0 && age < RETRY_AFTER_MS;
}

/** HH:MM in local time. */
function clockTime(date) {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
