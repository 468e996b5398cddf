import type { Stats } from 'node:fs';
import path from 'node:path';

/** Kinds of file the system would run rather than show: never opened from the app. */
const RUNNABLE = new Set([
  '.app', '.appimage', '.application', '.appref-ms', '.appx', '.bash', '.bat', '.cmd', '.com', '.command', '.cpl',
  '.csh', '.deb', '.desktop', '.dmg', '.exe', '.fish', '.hta', '.jar', '.js', '.jse', '.ksh', '.lnk', '.mpkg', '.msc',
  '.msi', '.msix', '.msp', '.pif', '.pkg', '.pl', '.ps1', '.py', '.pyc', '.pyo', '.pyw', '.pyz', '.rb', '.reg', '.rpm',
  '.run', '.scf', '.scr', '.settingcontent-ms', '.sh', '.terminal', '.url', '.vb', '.vbe', '.vbs', '.workflow',
  '.wsf', '.wsh', '.zsh',
]);

/**
 * Whether "Open with system app" may hand this file to the system: a file the system would execute
 * (an executable bit, or a kind it runs) is refused, so that the app never becomes a way to run code.
 */
export function mayOpenWithSystem(file: string, stat: Stats, platform = process.platform): boolean {
  if (!stat.isFile()) return false;
  if (platform !== 'win32' && (stat.mode & 0o111) !== 0) return false;
  return !RUNNABLE.has(path.extname(file).toLowerCase());
}
