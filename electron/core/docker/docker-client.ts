import Docker from 'dockerode';

/** Where the engine is expected, as a person would write it. */
export function describeDockerHost(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKER_HOST) return env.DOCKER_HOST;
  return process.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

export type DockerClientResult = { docker: Docker; error?: undefined } | { docker?: undefined; error: string };

/**
 * The one place that makes the dockerode client. docker-modem reads DOCKER_HOST (unix://, npipe://,
 * tcp://, ssh://, with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH) and falls back to the default socket,
 * including Docker Desktop's ~/.docker/run/docker.sock.
 */
export function createDockerClient(): DockerClientResult {
  try {
    return { docker: new Docker() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
