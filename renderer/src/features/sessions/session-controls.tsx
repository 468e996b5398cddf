import { formatRoute } from '../../app/route';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { sessionStore } from '../../stores/app-stores';
import { isLive, sessionStatusLabel } from './session-labels';
import { buildStatusLabel, phaseLabel } from '../environments/build-labels';
import { SessionPill } from './session-pill';
import { useBuildThenStart } from './use-build-then-start';
import { useSession } from './use-session';

/**
 * The session's state, and one click to start it, or to stop or restart it while it is up. When a
 * service runs on an environment with no image yet, Start builds it first and starts once it succeeded.
 */
export function SessionControls({ projectId, path }: { projectId: string; path: string }) {
  const { session, pending } = useSession(projectId, path);
  const status = session?.status;
  const live = isLive(status);
  const sessions = sessionStore.getState();
  const first = useBuildThenStart(projectId, path);
  const busy = pending !== undefined || first.building !== undefined;
  const mustBuild = !live && first.toBuild[0];

  return (
    <div className="session-controls" role="group" aria-label="Session">
      <SessionPill label={sessionStatusLabel(status)} announce testId="session-status" />
      {first.building && (
        <span className="session-controls__build" data-testid="session-build">
          <SessionPill label={buildStatusLabel(first.building.build)} />
          Building {first.building.name}: {first.building.build ? phaseLabel(first.building.build.phase) : 'starting'}
        </span>
      )}
      {first.failure && !first.building && (
        <a className="session-controls__failure" role="alert" href={formatRoute({ name: 'project', projectId, tab: 'environments', environment: first.failure.uuid })}>
          {first.failure.message}
        </a>
      )}
      {live && (
        <Button
          key="restart"
          size="small"
          onClick={() => void sessions.restartSession(projectId, path)}
          disabled={busy || status !== 'RUNNING'}
          aria-busy={pending === 'restart' || undefined}
        >
          <Icon name="refresh" />
          Restart session
        </Button>
      )}
      {/* One element for Start and Stop, so focus stays on it when the session changes. */}
      <Button
        key="toggle"
        variant={live ? 'secondary' : 'primary'}
        size="small"
        onClick={() => {
          if (live) void sessions.stopSession(projectId, path);
          else if (mustBuild) first.buildThenStart();
          else void sessions.startSession(projectId, path);
        }}
        disabled={busy || status === 'STOPPING'}
        aria-busy={pending === 'start' || pending === 'stop' || status === 'STOPPING' || first.building !== undefined || undefined}
      >
        {live ? 'Stop session' : mustBuild ? `Build ${mustBuild.environment.name} first` : 'Start session'}
      </Button>
    </div>
  );
}
