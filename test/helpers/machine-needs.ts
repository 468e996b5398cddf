import { describe, it } from 'vitest';

// Tests that need something a machine may lack (the shared fixtures, Python, POSIX file modes) skip here,
// saying why. Under CI=true they fail instead: .ci/run provides all of it, so nothing is skipped for good.
const inCi = process.env.CI === 'true';

/** Each `missing` says what this machine lacks and how to get it; undefined when it lacks nothing. */
type Missing = string | undefined;

export const noPosixFileModes: Missing =
  process.platform === 'win32' ? 'Windows has no POSIX file modes (0600, 0700); CI runs these tests on Debian' : undefined;

/** A warning here; under CI=true, an error that fails the test it is thrown in. */
export function reportMissing(missing: string): void {
  if (inCi) throw new Error(`${missing}. Under CI=true this fails instead of skipping.`);
  console.warn(`Skipped: ${missing}.`);
}

export function describeNeeding(missing: Missing, name: string, body: () => void): void {
  if (!missing) {
    describe(name, body);
  } else if (inCi) {
    describe(name, () => it('has what it needs', () => reportMissing(missing)));
  } else {
    reportMissing(`"${name}": ${missing}`);
    describe.skip(name, body);
  }
}

export function itNeeding(missing: Missing, name: string, test: () => unknown, timeout?: number): void {
  if (!missing) {
    it(name, test, timeout);
  } else if (inCi) {
    it(name, () => reportMissing(missing));
  } else {
    reportMissing(`"${name}": ${missing}`);
    it.skip(name, test);
  }
}

/** Mounting a small file system (tmpfs) to fill it up takes root, as CI runs. */
export const noMounting: Missing =
  process.platform !== 'linux' || process.getuid?.() !== 0 ? 'a small tmpfs to fill up is mounted only as root on Linux (CI runs as root)' : undefined;
