import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { sessionStore } from '../../stores/app-stores';
import { isLive, sessionStatusLabel } from './session-labels';
import { SessionPill } from './session-pill';
import { useSession } from './use-session';

/** The session's state, and one click to start it, or to stop or restart it while it is up. */
export function SessionControls({ projectId, path }: { projectId: string; path: string }) {
  const { session, pending } = useSession(projectId, path);
  const status = session?.status;
  const live = isLive(status);
  const sessions = sessionStore.getState();
  const busy = pending !== undefined;

  return (
    <div className="session-controls" role="group" aria-label="Session">
      <SessionPill label={sessionStatusLabel(status)} announce testId="session-status" />
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
        onClick={() => void (live ? sessions.stopSession(projectId, path) : sessions.startSession(projectId, path))}
        disabled={busy || status === 'STOPPING'}
        aria-busy={pending === 'start' || pending === 'stop' || status === 'STOPPING' || undefined}
      >
        {live ? 'Stop session' : 'Start session'}
      </Button>
    </div>
  );
}
