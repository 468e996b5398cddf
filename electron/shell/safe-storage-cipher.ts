import { safeStorage } from 'electron';
import { keychainProtects } from '../core/variables/keychain-policy';
import type { SecretCipher } from '../core/variables/secret-store';

/**
 * The OS keychain's encryption; usable only after the app is ready, so it is asked on each use. Where
 * it protects nothing (no keyring on Linux) it counts as unavailable: variables go to a 0600 file.
 */
export const safeStorageCipher: SecretCipher = {
  isAvailable: () =>
    keychainProtects(safeStorage.isEncryptionAvailable(), process.platform, () => safeStorage.getSelectedStorageBackend()),
  encrypt: (text) => safeStorage.encryptString(text),
  decrypt: (bytes) => safeStorage.decryptString(bytes),
};
