import { useStore } from 'zustand';
import { Icon } from '../../components/icon';
import { pipelineStore, sessionStore } from '../../stores/app-stores';
import { sessionKey } from '../../stores/session-store';

/** Services run inside the pipeline's session, which reads them from the file when it starts. */
export function SessionNotice() {
  const key = useStore(pipelineStore, (s) => (s.projectId && s.path ? sessionKey(s.projectId, s.path) : ''));
  const status = useStore(sessionStore, (s) => s.entries[key]?.session?.status);
  const up = status === 'RUNNING' || status === 'LAUNCHING';

  return (
    <p className="session-notice" data-testid="session-notice">
      <Icon name="refresh" />
      {up ? 'The session is running: saved changes take effect when you restart it.' : 'Changes take effect when the session (re)starts.'}
    </p>
  );
}
