import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedSecretStore } from '../../../../electron/core/variables/encrypted-secret-store';
import { itNeeding, noPosixFileModes } from '../../../helpers/machine-needs';
import { makeTempDir } from '../../../helpers/temp-dir';
import { aesCipher } from './aes-cipher';

describe('EncryptedSecretStore', () => {
  let dir: string;
  let file: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    file = path.join(dir, 'variables.enc');
  });
  afterEach(() => cleanup());

  it('keeps only ciphertext on disk and reads the document back', async () => {
    const cipher = aesCipher();
    await new EncryptedSecretStore(file, cipher).write({ API_TOKEN: 'hunter2-very-secret' });
    const bytes = await fs.readFile(file);
    expect(bytes.includes('hunter2-very-secret')).toBe(false);
    expect(bytes.includes('API_TOKEN')).toBe(false);
    expect(await new EncryptedSecretStore(file, cipher).read()).toEqual({ API_TOKEN: 'hunter2-very-secret' });
  });

  itNeeding(noPosixFileModes, 'writes a 0600 file', async () => {
    await new EncryptedSecretStore(file, aesCipher()).write({ A: '1' });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('reports a file another key cannot decrypt and never overwrites it', async () => {
    await new EncryptedSecretStore(file, aesCipher()).write({ A: '1' });
    const before = await fs.readFile(file);
    const stranger = new EncryptedSecretStore(file, aesCipher());
    await expect(stranger.read()).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE', message: expect.stringMatching(/could not be decrypted/) });
    await expect(stranger.write({ B: '2' })).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });

  it('reports an encrypted file while the cipher is unavailable, and writes nothing then', async () => {
    const cipher = aesCipher();
    await new EncryptedSecretStore(file, cipher).write({ A: '1' });
    const before = await fs.readFile(file);
    cipher.available = false;
    const store = new EncryptedSecretStore(file, cipher);
    await expect(store.read()).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE', message: expect.stringMatching(/keychain is not available/) });
    await expect(store.write({ B: '2' })).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    await expect(new EncryptedSecretStore(path.join(dir, 'other.enc'), cipher).write({})).rejects.toMatchObject({
      code: 'SECRETS_UNAVAILABLE',
    });
    await expect(fs.stat(path.join(dir, 'other.enc'))).rejects.toThrow();
  });
});
