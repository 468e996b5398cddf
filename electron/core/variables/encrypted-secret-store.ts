import { AppError } from '../app-error';
import { parseSecretJson } from './secret-json';
import { readSecretFile, secretsUnavailable, writeSecretFile } from './secret-file';
import type { SecretCipher, SecretStore } from './secret-store';

export const KEYCHAIN_HINT =
  'Open Orchest Desktop as the user who saved the variables, with the system keychain unlocked.';

/** The document encrypted by the cipher (safeStorage), in a 0600 file. */
export class EncryptedSecretStore implements SecretStore {
  constructor(
    readonly file: string,
    private readonly cipher: SecretCipher,
  ) {}

  async read(): Promise<unknown> {
    const bytes = await readSecretFile(this.file);
    if (bytes === undefined) return undefined;
    if (!this.cipher.isAvailable()) {
      throw secretsUnavailable(this.file, 'is encrypted and the system keychain is not available', KEYCHAIN_HINT);
    }
    let text: string;
    try {
      text = this.cipher.decrypt(bytes);
    } catch (error) {
      throw secretsUnavailable(this.file, `could not be decrypted (${(error as Error).message})`, KEYCHAIN_HINT);
    }
    return parseSecretJson(this.file, text);
  }

  async write(document: unknown): Promise<void> {
    await this.read(); // throws while the stored file cannot be decrypted, which is therefore never replaced
    if (!this.cipher.isAvailable()) {
      throw new AppError('SECRETS_UNAVAILABLE', `Variables cannot be saved: the system keychain is not available to encrypt them. ${KEYCHAIN_HINT}`);
    }
    await writeSecretFile(this.file, this.cipher.encrypt(JSON.stringify(document)));
  }
}
