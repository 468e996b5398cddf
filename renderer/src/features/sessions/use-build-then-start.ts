import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { EnvironmentBuild } from '../../../../electron/contract';
import { environmentsStore, sessionStore } from '../../stores/app-stores';
import type { EnvironmentEntry } from '../../stores/environment-entry';
import { useEnvironmentsToBuild } from './use-environments-to-build';

export interface BuildFirst {
  /** Environments the session needs built before it can start. */
  toBuild: EnvironmentEntry[];
  /** The build this window waits on to start the session. */
  building: { name: string; build: EnvironmentBuild | undefined } | undefined;
  /** Why the last build-then-start stopped, naming the environment. */
  failure: { uuid: string; message: string } | undefined;
  buildThenStart(): void;
}

/** Builds the environments the services need, one after another, then starts the session. */
export function useBuildThenStart(projectId: string, path: string): BuildFirst {
  const toBuild = useEnvironmentsToBuild(projectId, path);
  const [waiting, setWaiting] = useState<{ uuid: string; name: string; number: number } | undefined>();
  const [failure, setFailure] = useState<{ uuid: string; message: string } | undefined>();
  const watched = useStore(environmentsStore, (s) => (waiting ? s.entries[waiting.uuid]?.environment.lastBuild : undefined));

  const buildNext = async (next: EnvironmentEntry) => {
    const { uuid, name } = next.environment;
    const build = await environmentsStore.getState().build(uuid);
    if (build) return setWaiting({ uuid, name, number: build.number });
    setWaiting(undefined);
    setFailure({ uuid, message: environmentsStore.getState().entries[uuid]?.error ?? `The build of ${name} could not start` });
  };

  useEffect(() => {
    if (!waiting || watched?.number !== waiting.number) return;
    if (watched.status === 'SUCCESS') {
      const next = toBuild.find((e) => e.environment.uuid !== waiting.uuid);
      if (next) void buildNext(next);
      else {
        setWaiting(undefined);
        void sessionStore.getState().startSession(projectId, path);
      }
    } else if (watched.status === 'FAILURE' || watched.status === 'ABORTED') {
      setWaiting(undefined);
      const why = watched.status === 'ABORTED' ? 'was cancelled' : 'failed';
      setFailure({ uuid: waiting.uuid, message: `The build of ${waiting.name} ${why}, so the session was not started` });
    }
    // buildNext and toBuild are read as they are when the build ends.
  }, [watched, waiting]);

  return {
    toBuild,
    building: waiting ? { name: waiting.name, build: watched } : undefined,
    failure,
    buildThenStart() {
      const first = toBuild[0];
      if (!first || waiting) return;
      setFailure(undefined);
      void buildNext(first);
    },
  };
}
