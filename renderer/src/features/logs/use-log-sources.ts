import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { LogSource } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';
import { runStore } from '../../stores/app-stores';
import { useSession } from '../sessions/use-session';

/** One run of one of the pipeline's jobs, whose logs are kept in the run's own copy of the project. */
export interface JobRunRef {
  jobUuid: string;
  runUuid: string;
}

export interface LogSources {
  sources: readonly LogSource[] | undefined;
  error: string | undefined;
}

/**
 * The pipeline's logs, read again whenever its session changes state (a start brings new runs) and
 * whenever a step of its run starts or ends (a step's log is made when it starts).
 */
export function useLogSources(projectId: string, path: string, jobRun?: JobRunRef, refresh?: string): LogSources {
  const status = useSession(projectId, path).session?.status;
  const steps = useStore(runStore, (s) => {
    const run = s.projectId === projectId && s.path === path ? s.run : undefined;
    return run ? `${run.runUuid} ${run.steps.map((step) => `${step.startedAt ?? ''}${step.finishedAt ?? ''}`).join(' ')}` : '';
  });
  const [state, setState] = useState<LogSources>({ sources: undefined, error: undefined });
  const jobUuid = jobRun?.jobUuid;
  const runUuid = jobRun?.runUuid;
  useEffect(() => {
    let current = true;
    const ofRun = jobUuid && runUuid ? { jobRun: { jobUuid, runUuid } } : {};
    bridge.request('logs.sources', { projectId, path, ...ofRun }).then(
      (sources) => current && setState({ sources, error: undefined }),
      (error: unknown) => current && setState((before) => ({ ...before, error: `The logs cannot be listed: ${errorMessage(error)}` })),
    );
    return () => {
      current = false;
    };
  }, [projectId, path, status, steps, jobUuid, runUuid, refresh]);
  return state;
}
