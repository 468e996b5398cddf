/**
 * Whether the OS keychain really protects what it encrypts. On Linux without a keyring, Electron's
 * safeStorage falls back to `basic_text`, a key built into Chromium: encrypted in name only.
 */
export function keychainProtects(available: boolean, platform: NodeJS.Platform, linuxBackend: () => string): boolean {
  if (!available) return false;
  return platform !== 'linux' || linuxBackend() !== 'basic_text';
}
