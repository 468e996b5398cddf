import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../../electron/core/variables/file-secret-store';
import { itNeeding, noPosixFileModes } from '../../../helpers/machine-needs';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('FileSecretStore', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('reads nothing before the first write, then the document written', async () => {
    const store = new FileSecretStore(path.join(dir, 'variables.json'));
    expect(await store.read()).toBeUndefined();
    await store.write({ a: 'b' });
    expect(await new FileSecretStore(store.file).read()).toEqual({ a: 'b' });
  });

  itNeeding(noPosixFileModes, 'writes a 0600 file', async () => {
    const store = new FileSecretStore(path.join(dir, 'variables.json'));
    await store.write({ a: 'b' });
    expect((await fs.stat(store.file)).mode & 0o777).toBe(0o600);
  });

  it('reports a file that is not JSON and never overwrites it', async () => {
    const store = new FileSecretStore(path.join(dir, 'variables.json'));
    await fs.writeFile(store.file, '{"version": 1, broken');
    await expect(store.read()).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE', message: expect.stringContaining('left as it is') });
    await expect(store.write({ a: 'b' })).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
    expect(await fs.readFile(store.file, 'utf8')).toBe('{"version": 1, broken');
  });
});
