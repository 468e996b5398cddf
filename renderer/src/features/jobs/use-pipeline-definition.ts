import { useEffect, useState } from 'react';
import type { PipelineDefinition } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';

export interface PipelineDefinitionState {
  definition: PipelineDefinition | undefined;
  error: string | undefined;
}

/**
 * The pipeline file as it is now in the project (its parameters and steps' titles). The contract does not
 * give the copy a job froze at Start, so a started job shows today's titles and parameters.
 */
export function usePipelineDefinition(projectId: string, path: string | undefined): PipelineDefinitionState {
  const [state, setState] = useState<PipelineDefinitionState>({ definition: undefined, error: undefined });
  useEffect(() => {
    if (!path) return;
    let live = true;
    bridge.request('pipelines.get', { projectId, path }).then(
      (document) => live && setState({ definition: document.definition, error: undefined }),
      (error: unknown) => live && setState({ definition: undefined, error: `The pipeline cannot be read: ${errorMessage(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [projectId, path]);
  return state;
}
