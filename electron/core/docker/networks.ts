import type Docker from 'dockerode';
import { ignoreNotFound } from './docker-error';

/** A user-defined bridge network, so that containers reach each other by name and alias. */
export async function createNetwork(docker: Docker, name: string, labels: Record<string, string>): Promise<void> {
  await docker.createNetwork({ Name: name, Driver: 'bridge', Labels: labels, CheckDuplicate: true });
}

export async function removeNetworksByLabel(docker: Docker, label: string): Promise<void> {
  const networks = await docker.listNetworks({ filters: { label: [label] } });
  await Promise.all(networks.map((n) => ignoreNotFound(docker.getNetwork(n.Id).remove())));
}
