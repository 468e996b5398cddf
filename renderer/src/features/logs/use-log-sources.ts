import { useEffect, useState } from 'react';
import type { LogSource } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';
import { useSession } from '../sessions/use-session';

export interface LogSources {
  sources: readonly LogSource[] | undefined;
  error: string | undefined;
}

/** The pipeline's logs, read again whenever its session changes state (a start brings new runs). */
export function useLogSources(projectId: string, path: string): LogSources {
  const status = useSession(projectId, path).session?.status;
  const [state, setState] = useState<LogSources>({ sources: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    bridge.request('logs.sources', { projectId, path }).then(
      (sources) => current && setState({ sources, error: undefined }),
      (error: unknown) => current && setState((before) => ({ ...before, error: `The logs cannot be listed: ${errorMessage(error)}` })),
    );
    return () => {
      current = false;
    };
  }, [projectId, path, status]);
  return state;
}
