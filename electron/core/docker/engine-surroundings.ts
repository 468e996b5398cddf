import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import which from 'which';
import type { EngineSurroundings } from './engine-diagnosis';

/** Looks around this machine for a Docker install and a Podman socket, to explain a failed connection. */
export function engineSurroundings(env: NodeJS.ProcessEnv = process.env, platform = process.platform): EngineSurroundings {
  return {
    platform,
    dockerHost: env.DOCKER_HOST || undefined,
    dockerInstalled: dockerInstalled(env, platform),
    podmanSocket: podmanSocket(env, platform),
  };
}

function dockerInstalled(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  const onPath = (command: string) => which.sync(command, { nothrow: true, path: env.PATH }) !== null;
  if (onPath('docker') || onPath('dockerd')) return true;
  if (platform === 'darwin') {
    return ['/Applications/Docker.app', path.join(os.homedir(), 'Applications', 'Docker.app')].some((app) => existsSync(app));
  }
  if (platform === 'win32') {
    return existsSync(path.join(env.ProgramFiles ?? 'C:\\Program Files', 'Docker', 'Docker', 'Docker Desktop.exe'));
  }
  return false;
}

function podmanSocket(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'linux') return undefined;
  const runtimeDir = env.XDG_RUNTIME_DIR ?? `/run/user/${process.getuid?.() ?? 0}`;
  const candidates = [path.join(runtimeDir, 'podman', 'podman.sock')];
  if (process.getuid?.() === 0) candidates.push('/run/podman/podman.sock');
  return candidates.find((socket) => existsSync(socket));
}
