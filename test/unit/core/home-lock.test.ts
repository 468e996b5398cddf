import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { homeLockPath, lockHome } from '../../../electron/core/home-lock';
import { makeTempDir } from '../../helpers/temp-dir';

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('the app home lock', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const home = async () => {
    const { dir, cleanup } = await makeTempDir();
    cleanups.push(cleanup);
    return dir;
  };

  it('is had by one live process at a time, and released only by it', async () => {
    const dir = await home();
    const first = lockHome(dir);
    if (!first.ok) throw new Error(`the first claim failed: pid ${first.pid} has the lock`);
    expect(lockHome(dir, deadPid())).toEqual({ ok: false, pid: process.pid });
    first.lock.release();
    const second = lockHome(dir, 4242);
    expect(second.ok).toBe(true);
    first.lock.release(); // not its lock any more
    expect(readFileSync(homeLockPath(dir), 'utf8')).toBe('4242\n');
  });

  it('is taken over from a process that has ended, or from a file that names none', async () => {
    const dir = await home();
    writeFileSync(homeLockPath(dir), `${deadPid()}\n`);
    expect(lockHome(dir).ok).toBe(true);
    expect(readFileSync(homeLockPath(dir), 'utf8')).toBe(`${process.pid}\n`);
    writeFileSync(homeLockPath(dir), '');
    expect(lockHome(dir, 4242).ok).toBe(true);
  });
});
