import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAvailability } from '../../../scripts/electron-availability.mjs';

const electronDir = '/app/node_modules/electron';
const linuxBinary = path.join(electronDir, 'dist', 'electron');
const withDisplay = { DISPLAY: ':0' };
const exists = (...files: string[]) => (file: string) => files.includes(file);

describe('electronAvailability', () => {
  it('starts the binary named by path.txt when it exists and a display is there', () => {
    expect(
      electronAvailability({ electronDir, pathTxt: 'electron', binaryExists: exists(linuxBinary), platform: 'linux', env: withDisplay }),
    ).toEqual({ ok: true, binary: linuxBinary });
    expect(
      electronAvailability({
        electronDir,
        pathTxt: 'electron',
        binaryExists: exists(linuxBinary),
        platform: 'linux',
        env: { WAYLAND_DISPLAY: 'wayland-0' },
      }),
    ).toEqual({ ok: true, binary: linuxBinary });
  });

  it('needs no display variable on macOS and Windows', () => {
    const mac = path.join(electronDir, 'dist', 'Electron.app/Contents/MacOS/Electron');
    expect(
      electronAvailability({ electronDir, pathTxt: 'Electron.app/Contents/MacOS/Electron', binaryExists: exists(mac), platform: 'darwin', env: {} }),
    ).toEqual({ ok: true, binary: mac });
    const win = path.join(electronDir, 'dist', 'electron.exe');
    expect(electronAvailability({ electronDir, pathTxt: 'electron.exe\n', binaryExists: exists(win), platform: 'win32', env: {} })).toEqual({
      ok: true,
      binary: win,
    });
  });

  it('falls back when the binary was never downloaded (no path.txt) or is gone', () => {
    const noBinary = { ok: false, reason: 'no Electron binary: it could not be downloaded' };
    expect(electronAvailability({ electronDir, pathTxt: null, binaryExists: () => true, platform: 'linux', env: withDisplay })).toEqual(noBinary);
    expect(electronAvailability({ electronDir, pathTxt: '  ', binaryExists: () => true, platform: 'linux', env: withDisplay })).toEqual(noBinary);
    expect(electronAvailability({ electronDir, pathTxt: 'electron', binaryExists: () => false, platform: 'linux', env: withDisplay })).toEqual(
      noBinary,
    );
  });

  it('falls back on Linux without a display', () => {
    const result = electronAvailability({ electronDir, pathTxt: 'electron', binaryExists: () => true, platform: 'linux', env: {} });
    expect(result).toEqual({ ok: false, reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' });
    expect(
      electronAvailability({ electronDir, pathTxt: 'electron', binaryExists: () => true, platform: 'linux', env: { DISPLAY: '' } }).ok,
    ).toBe(false);
  });

  it('falls back when ORCHEST_DESKTOP_NO_ELECTRON=1, whatever else holds', () => {
    expect(
      electronAvailability({
        electronDir,
        pathTxt: 'electron',
        binaryExists: () => true,
        platform: 'linux',
        env: { ...withDisplay, ORCHEST_DESKTOP_NO_ELECTRON: '1' },
      }),
    ).toEqual({ ok: false, reason: 'ORCHEST_DESKTOP_NO_ELECTRON=1 is set' });
  });

  it("honours electron's ELECTRON_OVERRIDE_DIST_PATH", () => {
    const binary = path.join('/opt/electron', 'electron');
    expect(
      electronAvailability({
        electronDir,
        pathTxt: null,
        binaryExists: exists(binary),
        platform: 'linux',
        env: { ...withDisplay, ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
      }),
    ).toEqual({ ok: true, binary });
  });
});
