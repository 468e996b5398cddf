import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSize, electronArtifact, fetchLine, installerError, progressText } from '../../../scripts/electron-artifact.mjs';

const cacheRoot = '/home/me/.cache/electron';
const base = { version: '45.5.0', platform: 'linux', arch: 'x64', env: {}, cacheRoot };
const MB = 1024 * 1024;

describe('electronArtifact (as install.js and @electron/get name it)', () => {
  it("names the zip, its GitHub release URL and @electron/get's cache path", () => {
    const folder = createHash('sha256').update('https://github.com/electron/electron/releases/download/v45.5.0').digest('hex');
    expect(electronArtifact(base)).toEqual({
      version: '45.5.0',
      platform: 'linux',
      arch: 'x64',
      fileName: 'electron-v45.5.0-linux-x64.zip',
      url: 'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip',
      cachePath: path.resolve(cacheRoot, folder, 'electron-v45.5.0-linux-x64.zip'),
    });
  });

  it('follows the mirror settings, .npmrc before the environment', () => {
    expect(electronArtifact({ ...base, env: { ELECTRON_MIRROR: 'https://mirror.example/electron/' } }).url).toBe(
      'https://mirror.example/electron/v45.5.0/electron-v45.5.0-linux-x64.zip',
    );
    const npmrc = { npm_config_electron_mirror: 'https://npmmirror.example/', ELECTRON_MIRROR: 'https://ignored.example/' };
    expect(electronArtifact({ ...base, env: npmrc }).url).toBe('https://npmmirror.example/v45.5.0/electron-v45.5.0-linux-x64.zip');
    const custom = { ELECTRON_MIRROR: 'https://m.example/', ELECTRON_CUSTOM_DIR: '{{ version }}', ELECTRON_CUSTOM_FILENAME: 'e.zip' };
    expect(electronArtifact({ ...base, env: custom }).url).toBe('https://m.example/45.5.0/e.zip');
  });

  it("follows the installer's platform and arch overrides, and Rosetta on macOS", () => {
    const win = electronArtifact({ ...base, env: { ELECTRON_INSTALL_PLATFORM: 'win32', npm_config_arch: 'arm64' } });
    expect(win.fileName).toBe('electron-v45.5.0-win32-arm64.zip');
    const mac = { ...base, platform: 'darwin', isRosetta: () => true };
    expect(electronArtifact(mac).arch).toBe('arm64');
    expect(electronArtifact({ ...mac, env: { npm_config_arch: 'x64' } }).arch).toBe('x64');
    expect(electronArtifact({ ...base, isRosetta: () => true }).arch).toBe('x64');
  });

  it('has no cache path when force_no_cache=true, as the installer then ignores the cache', () => {
    expect(electronArtifact({ ...base, env: { force_no_cache: 'true' } }).cachePath).toBeNull();
  });
});

describe('what the user is told', () => {
  const artifact = electronArtifact(base);

  it('says what is fetched, from where and how big: the exact size when the server says, else about', () => {
    expect(fetchLine(artifact, { sizeBytes: 115_800_000, cached: false })).toBe(
      'No Electron binary yet: fetching Electron 45.5.0 for linux-x64 (110.4 MB) from ' +
        'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip ' +
        "with Electron's installer (node_modules/electron/install.js).",
    );
    expect(fetchLine(artifact, { sizeBytes: null, cached: false })).toContain('(about 110 MB)');
    expect(describeSize('darwin', null)).toBe('about 105 MB');
    expect(describeSize('win32', null)).toBe('about 115 MB');
  });

  it('says when the zip comes from the download cache instead', () => {
    expect(fetchLine(artifact, { sizeBytes: null, cached: true })).toBe(
      `No Electron binary yet: unpacking Electron 45.5.0 for linux-x64 from the download cache (${artifact.cachePath}) ` +
        "with Electron's installer (node_modules/electron/install.js).",
    );
  });

  it('reports progress in MB, with a percentage only against an exact size', () => {
    expect(progressText('linux', 34 * MB, 110 * MB)).toBe('fetched 34.0 of 110.0 MB (30%)');
    expect(progressText('linux', 34 * MB, null)).toBe('fetched 34.0 of about 110 MB');
  });

  it("quotes the installer's error without its stack", () => {
    const stderr = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      '    at async FetchDownloader.download (file:///app/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
      '',
    ].join('\n');
    expect(installerError(stderr, 1)).toBe('TypeError: fetch failed');
    expect(installerError('Error: Generated checksum for "x.zip" did not match expected checksum.\n    at f (x.js:1:1)\n', 1)).toBe(
      'Error: Generated checksum for "x.zip" did not match expected checksum',
    );
    expect(installerError('', 3)).toBe('it exited with code 3');
  });
});
