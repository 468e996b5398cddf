import type Docker from 'dockerode';
import { LABELS } from '../docker/labels';
import { removeSessionResources } from '../sessions/session-launcher';

/**
 * Removes what job runs of this app left in Docker (their containers and networks, by the session label a
 * run's uuid names) unless the run is going on: after a crash, or an engine that was away when the app
 * started. Answers the runs whose leftovers were removed.
 */
export async function removeStrayJobRuns(docker: Docker, owner: string, isGoingOn: (runUuid: string) => boolean): Promise<string[]> {
  const filters = { label: [`${LABELS.owner}=${owner}`, `${LABELS.sessionType}=noninteractive`] };
  const [containers, networks] = await Promise.all([docker.listContainers({ all: true, filters }), docker.listNetworks({ filters })]);
  const runs = new Set([...containers.map((c) => c.Labels[LABELS.session]), ...networks.map((n) => n.Labels?.[LABELS.session])]);
  const stray = [...runs].filter((run): run is string => typeof run === 'string' && !isGoingOn(run));
  for (const run of stray) await removeSessionResources(docker, run, 0);
  return stray;
}
