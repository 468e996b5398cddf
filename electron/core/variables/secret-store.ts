/** One JSON document kept secret on disk: the app's project and pipeline variables. */
export interface SecretStore {
  /** The stored document, undefined before the first write; throws SECRETS_UNAVAILABLE when it cannot be read. */
  read(): Promise<unknown>;
  /** Replaces the document; refused while the stored one cannot be read, so that it is never lost. */
  write(document: unknown): Promise<void>;
}

/** Reversible encryption bound to the user's account: Electron's safeStorage in the desktop app. */
export interface SecretCipher {
  isAvailable(): boolean;
  encrypt(text: string): Buffer;
  decrypt(bytes: Buffer): string;
}
