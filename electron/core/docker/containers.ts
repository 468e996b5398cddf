import type Docker from 'dockerode';
import { dockerStatusCode, ignoreNotFound } from './docker-error';

/** What a service container is made of; `session-plan` computes it. */
export interface ContainerSpec {
  name: string;
  image: string;
  entrypoint: string[] | undefined;
  cmd: string[] | undefined;
  env: string[];
  labels: Record<string, string>;
  /** `host:container[:ro]` binds. */
  binds: string[];
  ports: number[];
}

/** Half the engine's default weight, as Orchest gave user services: a busy service leaves the app room. */
export const SERVICE_CPU_SHARES = 500;

/** How long a container gets to exit after SIGTERM, as Orchest's terminationGracePeriodSeconds. */
export const STOP_GRACE_SECONDS = 5;

/**
 * Creates the container on the network under its own name as alias, with every port published on
 * 127.0.0.1 at a port the engine picks. An init process reaps zombies and passes SIGTERM on, so that
 * shells and scripts stop at once instead of after the grace period.
 */
export async function createContainer(docker: Docker, spec: ContainerSpec, network: string): Promise<Docker.Container> {
  const portKeys = spec.ports.map((port) => `${port}/tcp`);
  return docker.createContainer({
    name: spec.name,
    Hostname: spec.name.slice(0, 63),
    Image: spec.image,
    ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
    ...(spec.cmd ? { Cmd: spec.cmd } : {}),
    Env: spec.env,
    Labels: spec.labels,
    ExposedPorts: Object.fromEntries(portKeys.map((key) => [key, {}])),
    HostConfig: {
      Binds: spec.binds,
      PortBindings: Object.fromEntries(portKeys.map((key) => [key, [{ HostIp: '127.0.0.1', HostPort: '' }]])),
      NetworkMode: network,
      Init: true,
      CpuShares: SERVICE_CPU_SHARES,
    },
    NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: [spec.name] } } },
  });
}

/**
 * Orchest's services came back by themselves after a crash (Kubernetes); here Docker's own restart
 * policy does it, with its growing delay between tries. A stop by the user or the app is no failure.
 */
export async function restartOnFailure(container: Docker.Container): Promise<void> {
  await container.update({ RestartPolicy: { Name: 'on-failure' } });
}

/** The host port published for each container port. */
export function publishedPorts(info: Docker.ContainerInspectInfo): Map<number, number> {
  const published = new Map<number, number>();
  for (const [key, bindings] of Object.entries(info.NetworkSettings.Ports ?? {})) {
    const hostPort = bindings?.find((b) => b.HostIp === '127.0.0.1' || b.HostIp === '')?.HostPort;
    if (hostPort) published.set(Number.parseInt(key, 10), Number(hostPort));
  }
  return published;
}

/** The containers (all states) with the label (`key=value`), inspected. */
export async function listLabelledContainers(docker: Docker, label: string): Promise<Docker.ContainerInspectInfo[]> {
  const listed = await docker.listContainers({ all: true, filters: { label: [label] } });
  const inspected = await Promise.all(
    listed.map((c) => docker.getContainer(c.Id).inspect().catch((error: unknown) => {
      if (dockerStatusCode(error) === 404) return undefined; // removed meanwhile
      throw error;
    })),
  );
  return inspected.filter((info): info is Docker.ContainerInspectInfo => info !== undefined);
}

/** Stops (SIGTERM, then SIGKILL after the grace period) and removes every container with the label. */
export async function removeContainersByLabel(docker: Docker, label: string, graceSeconds = STOP_GRACE_SECONDS): Promise<void> {
  const listed = await docker.listContainers({ all: true, filters: { label: [label] } });
  await Promise.all(
    listed.map(async (c) => {
      const container = docker.getContainer(c.Id);
      if (c.State === 'running' && graceSeconds > 0) await ignoreNotFound(container.stop({ t: graceSeconds }));
      await ignoreNotFound(container.remove({ force: true, v: true }));
    }),
  );
}
