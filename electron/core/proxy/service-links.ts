import type { Session } from '../../contract';
import { AppError } from '../app-error';
import type { PortProxy } from './port-proxy';
import { routesOf, servicePrefix } from './routes';

/** Where callers reach a session's ports: exposed services through the proxy, others at their host port. */
export function withServiceAddresses(session: Session, origin: string): Session {
  if (session.status !== 'RUNNING' && session.status !== 'LAUNCHING') return session;
  for (const service of session.services) {
    for (const port of service.ports) {
      if (service.exposed) port.url = `${origin}/${servicePrefix(service.internalHostname, port.port, service.preserveBasePath)}/`;
      else if (port.hostPort !== null) port.tcp = `127.0.0.1:${port.hostPort}`;
    }
  }
  return session;
}

/** A link that opens one port of an exposed service of the session (signing the browser in when needed). */
export function serviceLink(proxy: PortProxy, session: Session, serviceName: string, port?: number): string {
  const service = session.services.find((s) => s.name === serviceName);
  if (!service) {
    const why = session.status === 'STOPPED' ? 'the session is not running' : `the session has no service named ${serviceName}`;
    throw new AppError('NOT_FOUND', `No link for ${serviceName}: ${why}`, 'service');
  }
  if (!service.exposed) {
    throw new AppError('CONFLICT', `${serviceName} is not exposed: mark it exposed in its settings to open it through the proxy`, 'service');
  }
  const chosen = port ?? service.ports[0]?.port;
  const route = [...routesOf([session]).values()].find((r) => r.service.name === serviceName && r.port === chosen);
  if (!route) throw new AppError('NOT_FOUND', `${serviceName} has no port ${chosen}`, 'port');
  return proxy.link(route);
}
