import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ENCRYPTED_SECRETS_FILE,
  PLAIN_SECRETS_FILE,
  openSecretStore,
} from '../../../../electron/core/variables/open-secret-store';
import { makeTempDir } from '../../../helpers/temp-dir';
import { aesCipher } from './aes-cipher';

describe('openSecretStore', () => {
  let home: string;
  let cleanup: () => Promise<void>;
  const exists = (name: string) => fs.stat(path.join(home, name)).then(() => true, () => false);
  beforeEach(async () => ({ dir: home, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('keeps a plain 0600 file in the home without a cipher (the headless host)', async () => {
    await openSecretStore(home).write({ A: 'plain' });
    expect(JSON.parse(await fs.readFile(path.join(home, PLAIN_SECRETS_FILE), 'utf8'))).toEqual({ A: 'plain' });
    expect(await exists(ENCRYPTED_SECRETS_FILE)).toBe(false);
  });

  it('encrypts while the cipher is available, and the plain file never appears', async () => {
    const cipher = aesCipher();
    await openSecretStore(home, cipher).write({ A: 'secret-value' });
    expect(await exists(PLAIN_SECRETS_FILE)).toBe(false);
    expect((await fs.readFile(path.join(home, ENCRYPTED_SECRETS_FILE))).includes('secret-value')).toBe(false);
    expect(await openSecretStore(home, cipher).read()).toEqual({ A: 'secret-value' });
  });

  it('falls back to the plain file while the cipher is unavailable', async () => {
    await openSecretStore(home, aesCipher(false)).write({ A: '1' });
    expect(await exists(PLAIN_SECRETS_FILE)).toBe(true);
    expect(await exists(ENCRYPTED_SECRETS_FILE)).toBe(false);
  });

  it('moves a plain file into the encrypted one once the cipher is available', async () => {
    await openSecretStore(home).write({ A: 'from-the-host' });
    const cipher = aesCipher();
    expect(await openSecretStore(home, cipher).read()).toEqual({ A: 'from-the-host' });
    expect(await exists(PLAIN_SECRETS_FILE)).toBe(false);
    expect((await fs.readFile(path.join(home, ENCRYPTED_SECRETS_FILE))).includes('from-the-host')).toBe(false);
    expect(await openSecretStore(home, cipher).read()).toEqual({ A: 'from-the-host' });
  });

  it('refuses an encrypted file where it cannot decrypt, instead of starting an empty plain one', async () => {
    await openSecretStore(home, aesCipher()).write({ A: '1' });
    const before = await fs.readFile(path.join(home, ENCRYPTED_SECRETS_FILE));
    for (const store of [openSecretStore(home), openSecretStore(home, aesCipher(false)), openSecretStore(home, aesCipher())]) {
      await expect(store.read()).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
      await expect(store.write({ B: '2' })).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
    }
    expect(await exists(PLAIN_SECRETS_FILE)).toBe(false);
    expect((await fs.readFile(path.join(home, ENCRYPTED_SECRETS_FILE))).equals(before)).toBe(true);
  });

  it('does not move a plain file it cannot read', async () => {
    await fs.writeFile(path.join(home, PLAIN_SECRETS_FILE), 'not json');
    const store = openSecretStore(home, aesCipher());
    await expect(store.read()).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
    await expect(store.write({ A: '1' })).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
    expect(await fs.readFile(path.join(home, PLAIN_SECRETS_FILE), 'utf8')).toBe('not json');
    expect(await exists(ENCRYPTED_SECRETS_FILE)).toBe(false);
  });
});
