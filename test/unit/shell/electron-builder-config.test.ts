import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const quietLogger = { isEnabled: false, data: new Map<string, unknown>(), add: () => {}, save: async () => {} };

/** Reads electron-builder.yml the way electron-builder does (its own js-yaml). */
async function loadConfig(): Promise<Configuration> {
  const read = await getConfig<Configuration>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir: root, packageMetadata: null },
    'electron-builder.yml',
  );
  if (!read) throw new Error('electron-builder.yml not found');
  return read.result;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(await loadConfig(), quietLogger)).resolves.toBeUndefined();
  });

  it('is refused by the validation when it holds an unknown key', async () => {
    const config = { ...(await loadConfig()), appID: 'typo' } as Configuration;
    await expect(validateConfiguration(config, quietLogger)).rejects.toThrow(/configuration object/);
  });

  it('is refused by the validation when a fuse name is misspelt', async () => {
    const config = await loadConfig();
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(validateConfiguration(broken, quietLogger)).rejects.toThrow(/configuration object/);
  });

  it('names the app and its folders', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('io.orchest.desktop');
    expect(config.productName).toBe('Orchest Desktop');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'resources' });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.asar).toBe(true);
    // Mounted into containers from the app's resources folder, so never inside the asar archive.
    expect(config.extraResources).toEqual([
      { from: 'resources/orchest-sdk', to: 'orchest-sdk', filter: ['**/*.py'] },
      { from: 'resources/step-runner', to: 'step-runner', filter: ['**/*.py'] },
    ]);
    expect(config.npmRebuild).toBe(false);
  });

  it('builds AppImage and deb on Linux, dmg on macOS, nsis on Windows', async () => {
    const { linux, mac, win } = await loadConfig();
    expect(linux?.target).toEqual(['AppImage', 'deb']);
    expect(linux?.category).toBe('Development');
    expect(linux?.maintainer).toBeTruthy();
    expect(mac?.target).toBe('dmg');
    expect(mac?.category).toBe('public.app-category.developer-tools');
    expect(win?.target).toBe('nsis');
  });

  it('sets the fuses of the security checklist', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('finds a 512x512 PNG icon in the build resources', () => {
    const png = readFileSync(new URL('../../../resources/icon.png', import.meta.url));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
