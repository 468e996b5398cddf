import path from 'node:path';

const NO_BINARY = 'no Electron binary: it could not be downloaded';

/**
 * Whether `npm start` can launch Electron here, decided without requiring the electron package (its
 * index.js downloads the binary when missing). `pathTxt` is node_modules/electron/path.txt (null when
 * absent): the binary's path inside node_modules/electron/dist, written by electron's install script.
 */
export function electronAvailability({ electronDir, pathTxt, binaryExists, platform, env }) {
  if (env.ORCHEST_DESKTOP_NO_ELECTRON === '1') return { ok: false, reason: 'ORCHEST_DESKTOP_NO_ELECTRON=1 is set' };
  // ELECTRON_OVERRIDE_DIST_PATH points at an unpacked Electron, as electron's own index.js allows.
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = pathTxt?.trim() || (override ? 'electron' : '');
  if (!relative) return { ok: false, reason: NO_BINARY };
  const binary = path.join(override || path.join(electronDir, 'dist'), relative);
  if (!binaryExists(binary)) return { ok: false, reason: NO_BINARY };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' };
  }
  return { ok: true, binary };
}
