import { useEffect, useState } from 'react';
import { bridge } from '../../bridge/client';
import { variableNames } from './variable-names';

const NO_NAMES: readonly string[] = [];

/** The project's and pipeline's variable names, offered for inheritance; none when they cannot be read. */
export function useVariableNames(projectId: string, pipelineUuid: string | undefined): readonly string[] {
  const [names, setNames] = useState(NO_NAMES);
  useEffect(() => {
    let live = true;
    setNames(NO_NAMES);
    bridge
      .request('variables.get', pipelineUuid ? { projectId, pipelineUuid } : { projectId })
      .then((sets) => {
        if (live) setNames(variableNames(sets.project, sets.pipeline));
      })
      // Names are only a convenience: a locked secrets file still lets names be typed.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [projectId, pipelineUuid]);
  return names;
}
