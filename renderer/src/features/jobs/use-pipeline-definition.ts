import { useEffect, useState } from 'react';
import type { JobDetails, PipelineDefinition } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';

export interface PipelineDefinitionState {
  definition: PipelineDefinition | undefined;
  error: string | undefined;
}

/**
 * The pipeline a job's steps, titles and parameters come from: the copy frozen at Start once the job has
 * started (a later change of the file does not reach it), the file as it is now in the project while a draft.
 */
export function usePipelineDefinition(projectId: string, job: Pick<JobDetails, 'pipelinePath' | 'pipelineDefinition'> | undefined): PipelineDefinitionState {
  const frozen = job?.pipelineDefinition ?? undefined;
  const path = frozen ? undefined : job?.pipelinePath;
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
  return frozen ? { definition: frozen, error: undefined } : state;
}
