import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Made from Debian's busybox-static: a shell, nc, wget and httpd; starts in well under a second. */
export const BUSYBOX_IMAGE = 'orchest-desktop-test/busybox:1';
/** Debian bookworm with redis-server, python3, python3-redis and python3-websockets. */
export const DEBIAN_IMAGE = 'orchest-desktop-test/debian:2';

const IMAGES = { busybox: BUSYBOX_IMAGE, debian: DEBIAN_IMAGE } as const;
const SCRIPTS = path.resolve(import.meta.dirname, '../images');

/**
 * The image's tag, made on this engine the first time it is asked for (no registry is needed). Safe
 * when test processes ask at once: the script builds under a machine-wide flock
 * (/tmp/orchest-desktop-test-images.lock) and looks for the tag again once it holds the lock.
 */
export async function ensureTestImage(kind: keyof typeof IMAGES): Promise<string> {
  const tag = IMAGES[kind];
  const present = await exec('docker', ['image', 'inspect', tag]).then(
    () => true,
    () => false,
  );
  if (present) return tag;
  const script = path.join(SCRIPTS, `make-${kind}.sh`);
  try {
    await exec('bash', [script], { maxBuffer: 16 * 1024 * 1024, timeout: 15 * 60_000 });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`Could not make the test image ${tag} with ${script}: ${stderr?.trim() || (error as Error).message}`);
  }
  return tag;
}
