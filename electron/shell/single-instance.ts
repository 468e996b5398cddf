import { app } from 'electron';

/**
 * One app per app home (Electron keys the lock to userData, which main.ts puts there): a second launch
 * hands over to the first (which focuses its window) and quits.
 * Returns false in the second instance.
 */
export function singleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondLaunch);
  return true;
}
