import path from 'node:path';
import { isAppUrl } from '../core/policies/navigation-policy';

export interface AppFile {
  /** Absolute path inside the renderer folder. */
  path: string;
  /** A client-side route (no file extension): serve index.html when no such file exists. */
  spaFallback: boolean;
}

/**
 * Maps an app:// URL to a file of the built renderer, or null when the URL must be refused: another
 * origin, a path that escapes the folder (`..`, encoded or not), backslashes (separators on Windows) or NUL.
 */
export function appFilePath(rootDir: string, url: string): AppFile | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const spaFallback = path.posix.extname(pathname) === '';
  let relative = pathname.replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  const inside = path.relative(root, resolved);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return null;
  return { path: resolved, spaFallback };
}
