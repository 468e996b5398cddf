import { sessionShortfall } from '../../../../electron/contract';
import { Icon } from '../../components/icon';
import { SessionFailure } from './session-failure';
import { SessionServices } from './session-services';
import { useSession } from './use-session';

/** The pipeline's session under its header: what went wrong, and each service while the session is up. */
export function SessionPanel({ projectId, path }: { projectId: string; path: string }) {
  const { session, error } = useSession(projectId, path);
  const failed = session?.status === 'FAILED';
  const up = session !== undefined && session.status !== 'STOPPED' && !failed;
  const services = session && (up || (failed && session.services.length > 0)) ? session.services : undefined;
  if (!error && !failed && !services) return null;

  return (
    <section className="panel session-panel" aria-labelledby="session-heading" data-testid="session-panel">
      <h3 id="session-heading" className="panel__title">
        Session
        {up && <code className="session-panel__uuid" title="Session UUID">{session.sessionUuid}</code>}
      </h3>
      {error && (
        <p className="notice notice--error" role="alert" data-testid="session-error">
          <Icon name="alert" />
          <span className="notice__text">{error}</span>
        </p>
      )}
      {failed && <SessionFailure error={session.error} />}
      {session && sessionShortfall(session) && (
        <p className="notice notice--warning" role="status" data-testid="session-degraded">
          <Icon name="alert" />
          <span className="notice__text">{sessionShortfall(session)}</span>
        </p>
      )}
      {services && <SessionServices projectId={projectId} path={path} services={services} />}
    </section>
  );
}
