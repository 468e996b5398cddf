import { discoveryFilePath } from '../core/app-home';
import { lockHome, type HomeLock } from '../core/home-lock';
import { CliError } from './cli-connection';
import { readDiscoveryFile } from './discovery-file';

/** Takes the app home for this process, or fails saying which process has it and where it serves. */
export function claimHome(home: string): HomeLock {
  const result = lockHome(home);
  if (result.ok) return result.lock;
  const discovery = readDiscoveryFile(discoveryFilePath(home));
  const where = discovery?.pid === result.pid ? ` at ${discovery.url}` : '';
  throw new CliError(`Orchest Desktop is already running${where} (pid ${result.pid})`);
}
