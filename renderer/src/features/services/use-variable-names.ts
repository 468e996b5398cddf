import { useEffect, useState } from 'react';
import { bridge } from '../../bridge/client';
import { variableNames } from './variable-names';

const NO_NAMES: readonly string[] = [];

/**
 * The project's and pipeline's variable names, offered for inheritance; none when they cannot be read.
 * Read again each time `active` turns true, so names saved meanwhile in a Variables tab are offered.
 */
export function useVariableNames(projectId: string, pipelineUuid: string | undefined, active = true): readonly string[] {
  const scope = `${projectId}/${pipelineUuid ?? ''}`;
  // Names are kept with their scope, so another pipeline's are never offered while this one's load.
  const [loaded, setLoaded] = useState<{ scope: string; names: readonly string[] }>();
  useEffect(() => {
    if (!active) return;
    let live = true;
    bridge
      .request('variables.get', pipelineUuid ? { projectId, pipelineUuid } : { projectId })
      .then((sets) => {
        if (live) setLoaded({ scope: `${projectId}/${pipelineUuid ?? ''}`, names: variableNames(sets.project, sets.pipeline) });
      })
      // Names are only a convenience: a locked secrets file still lets names be typed.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [projectId, pipelineUuid, active]);
  return loaded?.scope === scope ? loaded.names : NO_NAMES;
}
