import envPaths from 'env-paths';
import fs from 'node:fs';
import path from 'node:path';

const MEMO_FILE = 'electron-fetch.json';

/** The app home, as electron/core/app-home.ts resolves it: ORCHEST_DESKTOP_HOME, else the OS's config dir. */
export function appHome(env) {
  if (env.ORCHEST_DESKTOP_HOME) return path.resolve(env.ORCHEST_DESKTOP_HOME);
  return envPaths('orchest-desktop', { suffix: '' }).config;
}

/** The last failed download of Electron ({ at, error }), or null when none is remembered. */
export function readFetchMemo(home) {
  try {
    const { at, error } = JSON.parse(fs.readFileSync(path.join(home, MEMO_FILE), 'utf8'));
    const date = new Date(at);
    return typeof error === 'string' && !Number.isNaN(date.getTime()) ? { at: date, error } : null;
  } catch {
    return null;
  }
}

/** Remembers a failed download, so that the next `npm start` within the hour does not try again. */
export function saveFetchMemo(home, { at, error }) {
  try {
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(path.join(home, MEMO_FILE), `${JSON.stringify({ at: at.toISOString(), error }, null, 2)}\n`);
  } catch {
    // An app home we cannot write to only means the next start tries again.
  }
}

export function clearFetchMemo(home) {
  fs.rmSync(path.join(home, MEMO_FILE), { force: true });
}
