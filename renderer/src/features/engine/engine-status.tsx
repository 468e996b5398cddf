import { useStore } from 'zustand';
import { Button } from '../../components/button';
import { StatusPill } from '../../components/status-pill';
import { engineStore } from '../../stores/app-stores';
import { connectionStore } from '../../stores/connection-store';
import { engineLabel } from './engine-label';

/** The Docker engine's state in the top bar, with a way to check again when it is down. */
export function EngineStatus() {
  const status = useStore(engineStore, (s) => s.status);
  const error = useStore(engineStore, (s) => s.error);
  const checking = useStore(engineStore, (s) => s.checking);
  const disconnected = useStore(connectionStore, (s) => s.lost);
  const { tone, text, title } = engineLabel({ status, error, disconnected });
  const showRetry = tone === 'error';

  return (
    <div className="engine">
      <StatusPill tone={tone} title={title} testId="engine-status">
        {text}
      </StatusPill>
      {showRetry && (
        <Button
          size="small"
          onClick={() => void engineStore.getState().check(true)}
          disabled={checking}
          aria-busy={checking || undefined}
        >
          Retry
        </Button>
      )}
    </div>
  );
}
