import type Docker from 'dockerode';
import type { Session } from '../../contract';
import { listLabelledContainers } from '../docker/containers';
import { LABELS } from '../docker/labels';
import { probePort } from '../docker/port-probe';
import { adoptedSession, type SessionKey } from '../sessions/session-snapshot';

/**
 * A job run's services as the engine has them, each port probed until it accepts connections: what
 * `waitForServices` reads, as it reads an interactive session. Ports found listening are not probed again.
 */
export function runServicesSession(docker: Docker, key: SessionKey, probe: (port: number) => Promise<boolean> = probePort): () => Promise<Session> {
  const listening = new Set<string>();
  return async () => {
    const containers = await listLabelledContainers(docker, `${LABELS.session}=${key.sessionUuid}`);
    const session = adoptedSession(key, containers.filter((info) => !info.Config.Labels?.[LABELS.step]));
    await Promise.all(
      session.services.flatMap((service) =>
        service.ports.map(async (port) => {
          const id = `${service.name}:${port.port}`;
          if (listening.has(id) || service.state !== 'running' || port.hostPort === null) return;
          if (await probe(port.hostPort)) listening.add(id);
        }),
      ),
    );
    for (const service of session.services) {
      for (const port of service.ports) port.listening = listening.has(`${service.name}:${port.port}`);
    }
    return session;
  };
}
