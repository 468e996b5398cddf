import type { Handlers } from '../../bridge/bridge-server';
import type { ProjectService } from '../projects/project-service';
import { checkVariableScope, type PipelineLister } from './variable-scope';
import type { VariableService } from './variable-service';

type VariableRequests = 'variables.get' | 'variables.set' | 'variables.effective';

export function variableHandlers(
  variables: VariableService,
  projects: ProjectService,
  pipelines: PipelineLister,
): Pick<Handlers, VariableRequests> {
  const check = (projectId: string, pipelineUuid?: string) =>
    checkVariableScope(projects, pipelines, projectId, pipelineUuid);
  return {
    'variables.get': async ({ projectId, pipelineUuid }) => {
      await check(projectId, pipelineUuid);
      return variables.get(projectId, pipelineUuid);
    },
    'variables.set': async ({ projectId, pipelineUuid, variables: set }) => {
      await check(projectId, pipelineUuid);
      return variables.set(projectId, pipelineUuid, set);
    },
    'variables.effective': async ({ projectId, pipelineUuid }) => {
      await check(projectId, pipelineUuid);
      return variables.effective(projectId, pipelineUuid);
    },
  };
}
