import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainProtects } from '../../../../electron/core/variables/keychain-policy';
import { secretStorage } from '../../../../electron/core/variables/open-secret-store';

const cipher = (available: boolean) => ({ isAvailable: () => available, encrypt: () => Buffer.alloc(0), decrypt: () => '' });

describe('where variables are kept', () => {
  it("trusts the keychain except Linux's basic_text, which encrypts with a key everyone has", () => {
    expect(keychainProtects(true, 'linux', () => 'gnome_libsecret')).toBe(true);
    expect(keychainProtects(true, 'linux', () => 'basic_text')).toBe(false);
    expect(keychainProtects(true, 'darwin', () => 'basic_text')).toBe(true);
    expect(keychainProtects(false, 'win32', () => 'unknown')).toBe(false);
  });

  it('says the encrypted file with a keychain, and the 0600 file without one or in the host', () => {
    expect(secretStorage('/h', cipher(true))).toEqual({ encrypted: true, file: path.join('/h', 'variables.enc') });
    expect(secretStorage('/h', cipher(false))).toEqual({ encrypted: false, file: path.join('/h', 'variables.json') });
    expect(secretStorage('/h')).toEqual({ encrypted: false, file: path.join('/h', 'variables.json') });
  });
});
