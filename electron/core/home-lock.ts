import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface HomeLock {
  release(): void;
}

export type HomeLockResult = { ok: true; lock: HomeLock } | { ok: false; pid: number };

/** The file that says which process has the app home: its pid. */
export function homeLockPath(home: string): string {
  return path.join(home, 'app.lock');
}

/**
 * One app per home: two on the same home would take back, and remove, each other's containers. The
 * lock is a file made only if absent; one whose process is gone (a crash) is taken over.
 */
export function lockHome(home: string, pid = process.pid): HomeLockResult {
  const file = homeLockPath(home);
  mkdirSync(home, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${pid}\n`, { flag: 'wx', mode: 0o600 });
      return { ok: true, lock: { release: () => releaseIfOurs(file, pid) } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = lockHolder(home);
    if (holder !== undefined && holder !== pid && isProcessAlive(holder)) return { ok: false, pid: holder };
    rmSync(file, { force: true });
  }
  throw new Error(`Could not take the lock ${file}: it keeps coming back`);
}

/** The pid in the home's lock, or undefined when there is none (or it is unreadable). */
export function lockHolder(home: string): number | undefined {
  try {
    const pid = Number(readFileSync(homeLockPath(home), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function releaseIfOurs(file: string, pid: number): void {
  try {
    if (Number(readFileSync(file, 'utf8').trim()) === pid) rmSync(file, { force: true });
  } catch {
    // gone already
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
