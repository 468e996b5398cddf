import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import { makeTempDir } from './temp-dir';

const exec = promisify(execFile);

export interface SmallDisk {
  dir: string;
  /** Takes every byte left, so that the next write fails with ENOSPC. */
  fill(): Promise<void>;
  /** Gives the bytes back. */
  free(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A tmpfs of `kib` KiB mounted on a temp folder, or on the folder `at` (made if missing), for writes
 * that run out of space. Root only.
 */
export async function mountSmallDisk(kib = 256, at?: string): Promise<SmallDisk> {
  const { dir, cleanup } = at ? { dir: at, cleanup: async () => undefined } : await makeTempDir('od-small-disk-');
  await fs.mkdir(dir, { recursive: true });
  await exec('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir]);
  const filler = `${dir}/.filler`;
  return {
    dir,
    async fill() {
      await fs.writeFile(filler, Buffer.alloc(kib * 1024)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOSPC') throw error;
      });
    },
    free: () => fs.rm(filler, { force: true }),
    async remove() {
      await exec('umount', ['-l', dir]);
      await cleanup();
    },
  };
}
