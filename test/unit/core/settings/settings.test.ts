import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfSettings } from '../../../../electron/core/settings/conf-settings';
import { defaultSettings } from '../../../../electron/core/settings/settings';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('settings through conf', () => {
  let home: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir: home, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('starts from the defaults and persists updates on disk', () => {
    expect(createConfSettings(home).get()).toEqual(defaultSettings());
    createConfSettings(home).update({ theme: 'dark', workspace: 'relative/ws', keepSessionsRunning: true });
    expect(createConfSettings(home).get()).toEqual({
      theme: 'dark',
      workspace: path.resolve('relative/ws'),
      keepSessionsRunning: true,
      proxyPort: 8765,
      jobRunsAtOnce: 1,
    });
  });

  it('refuses a value outside the schema and keeps the old one', () => {
    const settings = createConfSettings(home);
    expect(() => settings.update({ theme: 'purple' as never })).toThrow();
    expect(settings.get().theme).toBe('system');
  });

  it('falls back to defaults for a hand-broken value', async () => {
    await fs.writeFile(path.join(home, 'settings.json'), JSON.stringify({ theme: 'purple', workspace: '/w' }));
    expect(createConfSettings(home).get()).toEqual({ ...defaultSettings() });
  });

  it("keeps keys it does not know (a newer version's) through an update, and says where the file is", async () => {
    const file = path.join(home, 'settings.json');
    await fs.writeFile(file, JSON.stringify({ theme: 'dark', laterFeature: { on: true } }));
    const settings = createConfSettings(home);
    settings.update({ proxyPort: 0 });
    expect(settings.path).toBe(file);
    expect(settings.stored()).toMatchObject({ theme: 'dark', proxyPort: 0, laterFeature: { on: true } });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ laterFeature: { on: true } });
  });
});
