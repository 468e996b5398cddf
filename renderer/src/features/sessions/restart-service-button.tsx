import { useState } from 'react';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';
import { Button } from '../../components/button';

/** Restarts one service's container; the session's events show what it does then. */
export function RestartServiceButton({ projectId, path, service }: { projectId: string; path: string; service: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const restart = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await bridge.request('sessions.restartService', { projectId, path, service });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" variant="ghost" aria-label={`Restart ${service}`} onClick={() => void restart()} disabled={busy} aria-busy={busy || undefined}>
        Restart
      </Button>
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
