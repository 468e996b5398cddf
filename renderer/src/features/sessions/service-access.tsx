import type { ServicePort } from '../../../../electron/contract';
import { PortAccess } from './service-ports';
import { useSession } from './use-session';

/** In a service's settings: how to reach it while the session runs it (its links, or its TCP ports). */
export function ServiceAccess({ projectId, path, name }: { projectId: string; path: string; name: string }) {
  const { session } = useSession(projectId, path);
  const service = session?.status === 'RUNNING' ? session.services.find((s) => s.name === name) : undefined;
  const reachable = (port: ServicePort) => port.url !== undefined || port.tcp !== undefined;
  if (!service || service.state !== 'running' || !service.ports.some(reachable)) return null;
  return (
    <div className="service-access" aria-label={`Reach ${name}`} role="group">
      <p className="service-access__title">Running in the session</p>
      <ul className="service-ports">
        {service.ports.filter(reachable).map((port) => (
          <li key={port.port} className="service-ports__port">
            <code>{port.port}</code>
            <PortAccess projectId={projectId} path={path} service={service} port={port} />
          </li>
        ))}
      </ul>
    </div>
  );
}
