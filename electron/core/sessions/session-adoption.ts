import { LABELS } from '../docker/labels';

/** One of the app's containers as found on the engine. */
export interface FoundContainer {
  labels: Record<string, string>;
  /** Whether it was ever started (a container only created belongs to a start that did not finish). */
  started: boolean;
  running: boolean;
}

export type AdoptionDecision =
  | { kind: 'adopt'; sessionUuid: string; projectUuid: string; pipelineUuid: string }
  | { kind: 'remove'; sessionUuid: string; reason: string };

/**
 * What to do with the sessions the engine holds when the app starts: a session comes back when its
 * network lists its services, each has a container that was started, and one still runs. Anything else
 * is what a crash left of a start or a stop, and is removed.
 */
export function decideAdoption(containers: FoundContainer[], networkLabels: Record<string, string>[]): AdoptionDecision[] {
  const sessions = new Set<string>();
  for (const labels of [...containers.map((c) => c.labels), ...networkLabels]) {
    const uuid = labels[LABELS.session];
    if (uuid) sessions.add(uuid);
  }
  return [...sessions].sort().map((sessionUuid) => {
    const own = containers.filter((c) => c.labels[LABELS.session] === sessionUuid);
    const network = networkLabels.find((labels) => labels[LABELS.session] === sessionUuid);
    return decide(sessionUuid, own, network);
  });
}

function decide(sessionUuid: string, containers: FoundContainer[], network: Record<string, string> | undefined): AdoptionDecision {
  const remove = (reason: string): AdoptionDecision => ({ kind: 'remove', sessionUuid, reason });
  if (!network) return remove('its network is gone');
  const expected = (network[LABELS.services] ?? '').split(',').filter(Boolean);
  const found = new Set(containers.map((c) => c.labels[LABELS.service]));
  const missing = expected.filter((name) => !found.has(name));
  if (missing.length > 0) return remove(`no container for ${missing.join(', ')}`);
  if (containers.some((c) => !c.started)) return remove('a container was never started');
  if (!containers.some((c) => c.running)) return remove('none of its containers runs');
  const projectUuid = network[LABELS.project];
  const pipelineUuid = network[LABELS.pipeline];
  if (!projectUuid || !pipelineUuid) return remove('its network lacks the project or pipeline label');
  return { kind: 'adopt', sessionUuid, projectUuid, pipelineUuid };
}
