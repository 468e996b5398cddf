import { app } from 'electron';

/**
 * One app per user: a second launch hands over to the first (which focuses its window) and quits.
 * Returns false in the second instance.
 */
export function singleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondLaunch);
  return true;
}
