import { createHash } from 'node:crypto';
import envPaths from 'env-paths';
import path from 'node:path';

/** The app's config and data folder: ORCHEST_DESKTOP_HOME, else the OS's config dir for the app. */
export function resolveAppHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ORCHEST_DESKTOP_HOME) return path.resolve(env.ORCHEST_DESKTOP_HOME);
  return envPaths('orchest-desktop', { suffix: '' }).config;
}

/** Where a running host or app says how to reach it (url, token, pid). */
export function discoveryFilePath(home: string): string {
  return path.join(home, 'host.json');
}

/** What the app's Docker objects are labelled with to tell this home's from another instance's. */
export function ownerIdOf(home: string): string {
  return createHash('sha256').update(path.resolve(home)).digest('hex').slice(0, 16);
}
