import Docker from 'dockerode';

/** Tests that need Docker fail with this, never skip: start dockerd as .ci/run does. */
export async function requireDocker(): Promise<Docker> {
  const docker = new Docker();
  try {
    await docker.ping();
    return docker;
  } catch (error) {
    throw new Error(
      `These tests need a running Docker engine (${process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock'}): ` +
        `${(error as Error).message}. Install docker.io and start dockerd, as .ci/run does.`,
    );
  }
}
