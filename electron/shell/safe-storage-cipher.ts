import { safeStorage } from 'electron';
import type { SecretCipher } from '../core/variables/secret-store';

/** The OS keychain's encryption; usable only after the app is ready, so it is asked on each use. */
export const safeStorageCipher: SecretCipher = {
  isAvailable: () => safeStorage.isEncryptionAvailable(),
  encrypt: (text) => safeStorage.encryptString(text),
  decrypt: (bytes) => safeStorage.decryptString(bytes),
};
