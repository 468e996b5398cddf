import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readSecretFile, writeSecretFile } from '../../../../electron/core/variables/secret-file';
import { describeNeeding, noPosixFileModes } from '../../../helpers/machine-needs';
import { makeTempDir } from '../../../helpers/temp-dir';

const modeOf = async (p: string) => (await fs.stat(p)).mode & 0o777;

describeNeeding(noPosixFileModes, 'secret files', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('creates a missing folder 0700 and the file 0600', async () => {
    const file = path.join(dir, 'home', 'nested', 'variables.json');
    await writeSecretFile(file, '{}');
    expect(await modeOf(path.join(dir, 'home'))).toBe(0o700);
    expect(await modeOf(path.join(dir, 'home', 'nested'))).toBe(0o700);
    expect(await modeOf(file)).toBe(0o600);
    expect((await readSecretFile(file))?.toString()).toBe('{}');
  });

  it('makes the file 0600 on every write, even one that was widened since', async () => {
    const file = path.join(dir, 'variables.json');
    await writeSecretFile(file, 'one');
    await fs.chmod(file, 0o644);
    await writeSecretFile(file, 'two');
    expect(await modeOf(file)).toBe(0o600);
  });

  it('leaves a folder that exists as it is', async () => {
    await fs.chmod(dir, 0o755);
    await writeSecretFile(path.join(dir, 'variables.json'), '{}');
    expect(await modeOf(dir)).toBe(0o755);
  });

  it('replaces the file by rename: a link to the old one keeps the old bytes, no temp file remains', async () => {
    const file = path.join(dir, 'variables.json');
    await writeSecretFile(file, 'old');
    await fs.link(file, path.join(dir, 'old-link'));
    await writeSecretFile(file, 'new');
    expect(await fs.readFile(path.join(dir, 'old-link'), 'utf8')).toBe('old');
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect((await fs.readdir(dir)).sort()).toEqual(['old-link', 'variables.json']);
  });

  it('never shows a reader a partly written file', async () => {
    const file = path.join(dir, 'variables.json');
    const big = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(2_000_000) });
    await writeSecretFile(file, big(0));
    let writing = true;
    let written = 0; // the file holds big(written), or big(written + 1) once that write's rename landed
    const writes = (async () => {
      for (let n = 1; n <= 10; n++) {
        await writeSecretFile(file, big(n));
        written = n;
      }
      writing = false;
    })();
    let reads = 0;
    while (writing) {
      const before = written;
      const text = await fs.readFile(file, 'utf8');
      const { n } = JSON.parse(text) as { n: number }; // a part of the file is not JSON
      expect(n).toBeGreaterThanOrEqual(before);
      expect(n).toBeLessThanOrEqual(written + 1);
      expect(text.length).toBe(big(n).length);
      reads++;
    }
    await writes;
    expect(reads).toBeGreaterThan(0);
  });

  it('keeps the old file and removes its temp file when a write fails', async () => {
    const file = path.join(dir, 'variables.json');
    await writeSecretFile(file, 'old');
    await expect(writeSecretFile(file, 42 as never)).rejects.toThrow(); // fails after the temp file was opened
    expect(await fs.readdir(dir)).toEqual(['variables.json']);
    expect(await fs.readFile(file, 'utf8')).toBe('old');
  });

  it('reads a missing file as undefined', async () => {
    expect(await readSecretFile(path.join(dir, 'none.json'))).toBeUndefined();
  });
});
