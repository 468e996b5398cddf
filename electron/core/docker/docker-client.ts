import type Docker from 'dockerode';

/** Where the engine is expected, as a person would write it. */
export function describeDockerHost(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKER_HOST) return env.DOCKER_HOST;
  return process.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

export type DockerClientResult = { docker: Docker; error?: undefined } | { docker?: undefined; error: string };

/**
 * The one place that makes the dockerode client. docker-modem reads DOCKER_HOST (unix://, npipe://,
 * tcp://, ssh://, with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH) and falls back to the default socket,
 * including Docker Desktop's ~/.docker/run/docker.sock. Loaded on first use: it is the heaviest module
 * of the main process, and the UI can be served before it is needed.
 */
export async function createDockerClient(): Promise<DockerClientResult> {
  try {
    const { default: Dockerode } = await import('dockerode');
    return { docker: new Dockerode() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
