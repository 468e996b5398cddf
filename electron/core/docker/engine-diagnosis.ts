import type { EngineAdvice, EngineProblem } from '../../contract';

/** How a call to the engine failed. */
export interface EngineFailure {
  /** The errno code (ENOENT, EACCES, ...), or ENOANSWER when the engine took too long. */
  code?: string;
  /** The socket path or host:port it tried, when known. */
  address?: string;
  message: string;
}

/** What the machine around the engine looks like, found out after a failure. */
export interface EngineSurroundings {
  platform: NodeJS.Platform;
  /** DOCKER_HOST when it is set. */
  dockerHost: string | undefined;
  /** A docker command, dockerd or Docker Desktop is on this machine. */
  dockerInstalled: boolean;
  /** Podman's API socket for this user, when one exists. */
  podmanSocket: string | undefined;
}

export interface EngineDiagnosis {
  problem: EngineProblem;
  reason: string;
  advice: EngineAdvice[];
}

/** Tells apart why the engine does not answer, and what a user on this platform can do about it. */
export function diagnoseEngine(failure: EngineFailure, around: EngineSurroundings): EngineDiagnosis {
  const problem = problemOf(failure, around);
  const advice = [...adviceFor(problem, around)];
  if (around.podmanSocket && problem !== 'permission-denied') {
    advice.push({
      text: `Podman's socket is at ${around.podmanSocket}; to use Podman instead, start Orchest Desktop with`,
      command: setVariable(around.platform, 'DOCKER_HOST', `unix://${around.podmanSocket}`),
    });
  }
  return { problem, reason: reasonOf(failure), advice };
}

function problemOf({ code }: EngineFailure, { dockerHost, dockerInstalled }: EngineSurroundings): EngineProblem {
  if (code === 'EACCES' || code === 'EPERM') return 'permission-denied';
  // Something is at the address, but no engine listens there.
  if (code === 'ECONNREFUSED') return 'not-running';
  if (code === 'ENOANSWER') return 'no-answer';
  if (dockerHost) return 'host-unreachable';
  if (code === 'ENOENT') return dockerInstalled ? 'not-running' : 'not-installed';
  return 'no-answer';
}

function reasonOf({ code, address, message }: EngineFailure): string {
  if (code === 'ENOENT') return `no Docker socket at ${address ?? 'the default path'}`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied on ${address ?? 'the Docker socket'}`;
  if (code === 'ECONNREFUSED') return `connection refused at ${address ?? 'the Docker socket'}`;
  return message;
}

function adviceFor(problem: EngineProblem, { platform, dockerHost }: EngineSurroundings): EngineAdvice[] {
  const desktop = platform === 'darwin' || platform === 'win32';
  switch (problem) {
    case 'not-installed':
      if (desktop) {
        return [
          { text: `Install Docker Desktop for ${platform === 'darwin' ? 'Mac' : 'Windows'} and open it once.` },
          { text: 'Or use Podman Desktop: start its machine, then set DOCKER_HOST to the socket it names.', command: 'podman machine start' },
        ];
      }
      return [
        { text: 'Install Docker Engine (on Debian and Ubuntu, Docker from the distribution):', command: 'sudo apt-get install docker.io' },
        { text: 'Then start it, now and at every boot:', command: 'sudo systemctl enable --now docker' },
        { text: "Or use Podman: start its user socket, then point DOCKER_HOST at it.", command: 'systemctl --user enable --now podman.socket' },
      ];
    case 'not-running':
      if (desktop) return [{ text: 'Open Docker Desktop and wait until it says the engine is running.' }];
      return [
        { text: 'Start the engine:', command: 'sudo systemctl start docker' },
        { text: 'For rootless Docker, start your own:', command: 'systemctl --user start docker' },
      ];
    case 'permission-denied':
      if (platform === 'win32') {
        return [{ text: 'Add your user to the docker-users group, then sign out and in again:', command: 'net localgroup docker-users %USERNAME% /add' }];
      }
      if (platform === 'darwin') return [{ text: "The socket is not yours: quit Docker Desktop and open it again as your own user." }];
      return [
        { text: 'Your user may not use the socket. Add it to the docker group, then log out and in again:', command: 'sudo usermod -aG docker $USER' },
        { text: "Or run Docker rootless, or Podman's user socket, and point DOCKER_HOST at it." },
      ];
    case 'host-unreachable':
      return [
        { text: `DOCKER_HOST is ${dockerHost ?? 'set'}, and no engine is there. Point it at a running engine, or unset it to use the default one:`, command: unsetVariable(platform, 'DOCKER_HOST') },
        { text: 'Where your docker command connects:', command: 'docker context inspect --format "{{.Endpoints.docker.Host}}"' },
      ];
    case 'no-answer':
      return [{ text: 'The engine is there but does not answer: it may still be starting. Wait a moment, or restart it.' }];
  }
}

function setVariable(platform: NodeJS.Platform, name: string, value: string): string {
  return platform === 'win32' ? `$env:${name} = "${value}"` : `export ${name}=${value}`;
}

function unsetVariable(platform: NodeJS.Platform, name: string): string {
  return platform === 'win32' ? `Remove-Item Env:${name}` : `unset ${name}`;
}
