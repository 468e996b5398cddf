import path from 'node:path';
import { EncryptedSecretStore, KEYCHAIN_HINT } from './encrypted-secret-store';
import { FileSecretStore } from './file-secret-store';
import { removeSecretFile, secretFileExists, secretsUnavailable } from './secret-file';
import type { SecretCipher, SecretStore } from './secret-store';

/** In the app's home, never in a project folder or a pipeline file. */
export const PLAIN_SECRETS_FILE = 'variables.json';
export const ENCRYPTED_SECRETS_FILE = 'variables.enc';

/**
 * The variables' store in the app home: encrypted with the cipher while it is available, else a 0600 JSON
 * file. The headless host has no cipher, so it refuses an encrypted file instead of starting a second,
 * empty one; the desktop app moves a plain file written before into the encrypted one.
 */
export function openSecretStore(home: string, cipher?: SecretCipher): SecretStore {
  const plain = new FileSecretStore(path.join(home, PLAIN_SECRETS_FILE));
  const encrypted = cipher && new EncryptedSecretStore(path.join(home, ENCRYPTED_SECRETS_FILE), cipher);
  const encrypting = (): EncryptedSecretStore | undefined => (encrypted && cipher?.isAvailable() ? encrypted : undefined);

  const refuseIfEncrypted = async (): Promise<void> => {
    const file = path.join(home, ENCRYPTED_SECRETS_FILE);
    if (await secretFileExists(file)) {
      throw secretsUnavailable(file, 'is encrypted and the system keychain is not available here', KEYCHAIN_HINT);
    }
  };

  const read = async (): Promise<unknown> => {
    const store = encrypting();
    if (!store) {
      await refuseIfEncrypted();
      return plain.read();
    }
    const document = await store.read();
    if (document !== undefined) return document;
    const earlier = await plain.read();
    if (earlier !== undefined) {
      await store.write(earlier);
      await removeSecretFile(plain.file);
    }
    return earlier;
  };

  return {
    read,
    async write(document) {
      await read(); // refuses, or moves a plain file in, before anything is replaced
      await (encrypting() ?? plain).write(document);
    },
  };
}

/** Where the variables are kept now, and whether encrypted: what Settings tells a person. */
export function secretStorage(home: string, cipher?: SecretCipher): { encrypted: boolean; file: string } {
  const encrypted = cipher?.isAvailable() === true;
  return { encrypted, file: path.join(home, encrypted ? ENCRYPTED_SECRETS_FILE : PLAIN_SECRETS_FILE) };
}
