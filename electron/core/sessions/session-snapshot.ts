import type Docker from 'dockerode';
import type { Session, SessionService } from '../../contract';
import { LABELS } from '../docker/labels';
import type { PreparedSession } from './session-input';
import { observeService } from './service-observation';
import type { ProxyOptions } from './session-plan';

export interface SessionKey {
  projectId: string;
  pipelineUuid: string;
  pipelinePath: string;
  sessionUuid: string;
}

export function stoppedSession({ projectId, pipelineUuid, pipelinePath, sessionUuid }: SessionKey): Session {
  return { projectId, pipelineUuid, pipelinePath, sessionUuid, status: 'STOPPED', services: [] };
}

/** A session about to launch: every service pending, no host ports yet. */
export function launchingSession(key: SessionKey, prepared: PreparedSession): Session {
  const services = prepared.plan.containers.map(
    (c): SessionService => ({
      name: c.service,
      containerName: c.name,
      internalHostname: c.name,
      image: c.image,
      ...c.proxy,
      state: 'pending',
      ports: c.ports.map((port) => ({ port, hostPort: null, listening: false })),
    }),
  );
  return { ...key, status: 'LAUNCHING', services };
}

/** A session found running on the engine when the app started. */
export function adoptedSession(key: SessionKey, containers: Docker.ContainerInspectInfo[]): Session {
  const services = containers
    .map((info): SessionService => {
      const name = info.Config.Labels[LABELS.service] ?? info.Name.replace(/^\//, '');
      const ports = Object.keys(info.Config.ExposedPorts ?? {})
        .map((key) => Number.parseInt(key, 10))
        .sort((a, b) => a - b)
        .map((port) => ({ port, hostPort: null, listening: false }));
      return {
        name,
        containerName: info.Name.replace(/^\//, ''),
        internalHostname: info.Name.replace(/^\//, ''),
        image: info.Config.Image,
        ...proxyOptions(info.Config.Labels[LABELS.proxy]),
        ...observeService({ ports }, info),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { ...key, status: 'RUNNING', services };
}

/** The proxy settings a container was labelled with; Orchest's defaults when the label is unreadable. */
function proxyOptions(label: string | undefined): ProxyOptions {
  const fallback: ProxyOptions = { exposed: false, requiresAuthentication: true, preserveBasePath: false };
  try {
    const parsed = JSON.parse(label ?? '{}') as Partial<ProxyOptions>;
    return {
      exposed: parsed.exposed === true,
      requiresAuthentication: parsed.requiresAuthentication !== false,
      preserveBasePath: parsed.preserveBasePath === true,
    };
  } catch {
    return fallback;
  }
}

/** A deep copy, so that callers never hold the manager's live state. */
export function snapshot(session: Session): Session {
  return structuredClone(session);
}
