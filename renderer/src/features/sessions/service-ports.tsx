import { useState } from 'react';
import type { ServicePort, SessionService } from '../../../../electron/contract';
import { Button } from '../../components/button';
import { errorMessage } from '../../bridge/request-error';
import { connectionLine } from './connection-line';
import { CopyButton } from '../../components/copy-button';
import { openService, serviceLink } from './open-service';
import { portMapping } from './session-labels';

export interface PortsProps {
  projectId: string;
  path: string;
  service: SessionService;
}

/** Each port as `port → 127.0.0.1:hostPort`, whether it accepts connections yet, and how to reach it. */
export function ServicePorts({ projectId, path, service }: PortsProps) {
  if (service.ports.length === 0) return <span className="muted">none</span>;
  const probed = service.state === 'running';
  return (
    <ul className="service-ports" aria-label={`Ports of ${service.name}`}>
      {service.ports.map((port) => (
        <li key={port.port} className="service-ports__port">
          <code>{portMapping(port)}</code>
          {probed && port.hostPort !== null && (
            <span className={port.listening ? 'probe probe--on' : 'probe'}>
              <span className="probe__dot" aria-hidden="true" />
              {port.listening ? 'listening' : 'not listening yet'}
            </span>
          )}
          {probed && <PortAccess projectId={projectId} path={path} service={service} port={port} />}
        </li>
      ))}
    </ul>
  );
}

/** Exposed ports open through the proxy (Open, Copy link); others give a line for a person's own tools. */
export function PortAccess({ projectId, path, service, port }: PortsProps & { port: ServicePort }) {
  const [error, setError] = useState<string | undefined>();
  const ref = { projectId, path, service: service.name, port: port.port };
  const what = `${service.name} port ${port.port}`;
  if (port.url) {
    return (
      <span className="service-ports__access">
        <a className="service-ports__url" href={port.url} target="_blank" rel="noreferrer" onClick={(event) => {
          event.preventDefault();
          openService(ref).catch((e: unknown) => setError(errorMessage(e)));
        }}>
          {port.url}
        </a>
        <Button size="small" aria-label={`Open ${what}`} onClick={() => openService(ref).catch((e: unknown) => setError(errorMessage(e)))}>
          Open
        </Button>
        <CopyButton label={`Copy link to ${what}`} text={() => serviceLink(ref)}>
          Copy link
        </CopyButton>
        {error && <span className="service-ports__error" role="alert">{error}</span>}
      </span>
    );
  }
  if (!port.tcp) return null;
  const line = connectionLine(service.image, port.tcp);
  return (
    <span className="service-ports__access">
      <code className="service-ports__tcp" title="From this machine">{line}</code>
      <CopyButton label={`Copy connection to ${what}`} text={line}>
        Copy
      </CopyButton>
    </span>
  );
}
