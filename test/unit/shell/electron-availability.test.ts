import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAvailability, startArguments } from '../../../scripts/electron-availability.mjs';

const electronDir = '/app/node_modules/electron';
const installer = path.join(electronDir, 'install.js');
const linuxBinary = path.join(electronDir, 'dist', 'electron');
const withDisplay = { DISPLAY: ':0' };
const exists =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);
const now = new Date(2026, 4, 1, 14, 30);
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const retry = 'run `npm start -- --fetch-electron` to try again';

/** Linux with a display, the electron package installed and its binary not yet downloaded. */
const absent = { electronDir, pathTxt: null, exists: exists(installer), platform: 'linux' as const, env: withDisplay, now };

describe('electronAvailability: the binary is there', () => {
  it('launches the binary named by path.txt when it exists and a display is there', () => {
    const present = { electronDir, pathTxt: 'electron', exists: exists(linuxBinary, installer), platform: 'linux' as const, now };
    expect(electronAvailability({ ...present, env: withDisplay })).toEqual({ action: 'launch', binary: linuxBinary });
    expect(electronAvailability({ ...present, env: { WAYLAND_DISPLAY: 'wayland-0' } })).toEqual({ action: 'launch', binary: linuxBinary });
    // --fetch-electron and an old failure change nothing once the binary is there
    expect(
      electronAvailability({ ...present, env: withDisplay, fetchRequested: true, lastFetch: { at: minutesAgo(5), error: 'TypeError: fetch failed' } }),
    ).toEqual({ action: 'launch', binary: linuxBinary });
  });

  it('needs no display variable on macOS and Windows', () => {
    const mac = path.join(electronDir, 'dist', 'Electron.app/Contents/MacOS/Electron');
    expect(
      electronAvailability({ electronDir, pathTxt: 'Electron.app/Contents/MacOS/Electron', exists: exists(mac), platform: 'darwin', env: {}, now }),
    ).toEqual({ action: 'launch', binary: mac });
    const win = path.join(electronDir, 'dist', 'electron.exe');
    expect(electronAvailability({ electronDir, pathTxt: 'electron.exe\n', exists: exists(win), platform: 'win32', env: {}, now })).toEqual({
      action: 'launch',
      binary: win,
    });
  });
});

describe('electronAvailability: the binary is absent', () => {
  it('fetches it when path.txt is missing, blank, or names a binary that is gone', () => {
    expect(electronAvailability(absent)).toEqual({ action: 'fetch' });
    expect(electronAvailability({ ...absent, pathTxt: '  ' })).toEqual({ action: 'fetch' });
    expect(electronAvailability({ ...absent, pathTxt: 'electron' })).toEqual({ action: 'fetch' });
  });

  it('fetches again an hour after a failed download, or at once with --fetch-electron', () => {
    const failure = { error: 'TypeError: fetch failed' };
    expect(electronAvailability({ ...absent, lastFetch: { ...failure, at: minutesAgo(60) } })).toEqual({ action: 'fetch' });
    expect(electronAvailability({ ...absent, lastFetch: { ...failure, at: minutesAgo(5) }, fetchRequested: true })).toEqual({ action: 'fetch' });
  });

  it('within the hour after a failed download, serves at once and says when it was tried and how to retry', () => {
    const lastFetch = { at: new Date(2026, 4, 1, 14, 3), error: 'TypeError: fetch failed' };
    expect(electronAvailability({ ...absent, lastFetch })).toEqual({
      action: 'serve',
      reason: `no Electron binary, last tried at 14:03: TypeError: fetch failed; ${retry}`,
    });
    expect(electronAvailability({ ...absent, lastFetch: { ...lastFetch, at: minutesAgo(59) } }).action).toBe('serve');
  });

  it('after the download it just tried, launches the binary, or quotes the installer and says how to retry', () => {
    const fetched = exists(installer, linuxBinary);
    expect(electronAvailability({ ...absent, pathTxt: 'electron', exists: fetched, attempt: { error: null } })).toEqual({
      action: 'launch',
      binary: linuxBinary,
    });
    expect(electronAvailability({ ...absent, attempt: { error: 'TypeError: fetch failed' }, fetchRequested: true })).toEqual({
      action: 'serve',
      reason: `its download failed: TypeError: fetch failed; ${retry}`,
    });
    expect(electronAvailability({ ...absent, attempt: { error: null } })).toEqual({
      action: 'serve',
      reason: `its installer left no binary in ${path.join(electronDir, 'dist')}; ${retry}`,
    });
  });

  it('serves when the electron package itself is missing (npm install --omit=dev)', () => {
    expect(electronAvailability({ ...absent, exists: () => false })).toEqual({
      action: 'serve',
      reason: 'no Electron binary, and no electron package to fetch it with: run `npm install`',
    });
  });
});

describe('electronAvailability: what keeps Electron off', () => {
  it('serves on Linux without a display, and fetches nothing', () => {
    const noDisplay = { action: 'serve', reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' };
    expect(electronAvailability({ ...absent, env: {} })).toEqual(noDisplay);
    expect(electronAvailability({ ...absent, env: { DISPLAY: '' }, fetchRequested: true })).toEqual(noDisplay);
    expect(electronAvailability({ ...absent, pathTxt: 'electron', exists: () => true, env: {} })).toEqual(noDisplay);
  });

  it('serves when ORCHEST_DESKTOP_NO_ELECTRON=1, whatever else holds, and never fetches', () => {
    const optedOut = { action: 'serve', reason: 'ORCHEST_DESKTOP_NO_ELECTRON=1 is set' };
    const env = { ...withDisplay, ORCHEST_DESKTOP_NO_ELECTRON: '1' };
    expect(electronAvailability({ ...absent, env, fetchRequested: true })).toEqual(optedOut);
    expect(electronAvailability({ ...absent, pathTxt: 'electron', exists: () => true, env })).toEqual(optedOut);
  });

  it("launches electron's ELECTRON_OVERRIDE_DIST_PATH, and never fetches in its place", () => {
    const binary = path.join('/opt/electron', 'electron');
    const env = { ...withDisplay, ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    expect(electronAvailability({ ...absent, exists: exists(binary, installer), env })).toEqual({ action: 'launch', binary });
    expect(electronAvailability({ ...absent, env, fetchRequested: true })).toEqual({
      action: 'serve',
      reason: `no Electron binary at ${binary} (ELECTRON_OVERRIDE_DIST_PATH)`,
    });
  });
});

describe('startArguments', () => {
  it('takes --fetch-electron for itself and passes every other argument on', () => {
    expect(startArguments(['--no-open', '--fetch-electron', '--workspace', '/w'])).toEqual({
      fetchRequested: true,
      args: ['--no-open', '--workspace', '/w'],
    });
    expect(startArguments(['--port', '0'])).toEqual({ fetchRequested: false, args: ['--port', '0'] });
  });
});
