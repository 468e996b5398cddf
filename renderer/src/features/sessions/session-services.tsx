import type { ServiceStats, SessionService } from '../../../../electron/contract';
import { routeStore } from '../../app/route-store';
import { Button } from '../../components/button';
import { RestartServiceButton } from './restart-service-button';
import { ServiceExit } from './service-exit';
import { serviceStateLabel } from './session-labels';
import { SessionPill } from './session-pill';
import { usageText, useServiceStats } from './use-service-stats';
import { ServicePorts } from './service-ports';

/** Every service of the session: its state and what it is doing, its image, hostname and ports. */
interface SessionServicesProps {
  projectId: string;
  path: string;
  services: readonly SessionService[];
}

export function SessionServices({ projectId, path, services }: SessionServicesProps) {
  const stats = useServiceStats(projectId, path);
  if (services.length === 0) return <p className="muted">The pipeline has no services, so the session runs none.</p>;
  return (
    <table className="table session-services" aria-label="Session services">
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">State</th>
          <th scope="col">CPU · Memory</th>
          <th scope="col">Image</th>
          <th scope="col">Ports</th>
        </tr>
      </thead>
      <tbody>
        {services.map((service) => (
          <SessionServiceRow key={service.name} projectId={projectId} path={path} service={service} stats={stats[service.name]} />
        ))}
      </tbody>
    </table>
  );
}

function SessionServiceRow({
  projectId,
  path,
  service,
  stats,
}: Omit<SessionServicesProps, 'services'> & { service: SessionService; stats: ServiceStats | undefined }) {
  const label = serviceStateLabel(service);
  const trouble = label.tone === 'error' || label.tone === 'warn';
  const stopped = service.state === 'exited' || service.state === 'removed' || service.state === 'crash-looping';
  // Pull progress or what went wrong; a log that cannot be written is said too.
  const note = service.message ?? (service.logsNotWritten && `logs not written: ${service.logsNotWritten}`);
  return (
    <>
      <tr data-testid={`session-service-${service.name}`}>
        <th scope="row" rowSpan={note || stopped ? 2 : 1}>
          <div className="session-services__service">
            <span className="session-services__title">
              <span className="session-services__name">{service.name}</span>
              <Button
                size="small"
                variant="ghost"
                aria-label={`Logs of ${service.name}`}
                onClick={() => routeStore.getState().navigate({ name: 'pipeline', projectId, path, section: 'logs', source: service.name })}
              >
                Logs
              </Button>
              {service.state !== 'removed' && <RestartServiceButton projectId={projectId} path={path} service={service.name} />}
            </span>
            <code className="session-services__host" title="Internal hostname: other services reach it by this name">
              {service.internalHostname}
            </code>
          </div>
        </th>
        <td>
          <SessionPill label={label} testId="service-state" />
        </td>
        <td className="session-services__usage" data-testid="service-usage">
          {service.state === 'running' && stats ? usageText(stats) : ''}
        </td>
        <td>
          <code className="session-services__image">{service.image}</code>
        </td>
        <td>
          <ServicePorts projectId={projectId} path={path} service={service} />
        </td>
      </tr>
      {stopped && !note && (
        <tr className="session-services__note">
          <td colSpan={4} className="session-services__message session-services__message--error">
            <ServiceExit projectId={projectId} path={path} service={service} />
          </td>
        </tr>
      )}
      {note && (
        <tr className="session-services__note" data-testid={`service-note-${service.name}`}>
          {/* Pull progress or what went wrong, under the service's state, image and ports. */}
          <td
            colSpan={4}
            className={trouble || service.logsNotWritten ? 'session-services__message session-services__message--error' : 'session-services__message'}
          >
            {note}
          </td>
        </tr>
      )}
    </>
  );
}
