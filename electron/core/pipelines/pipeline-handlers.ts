import type { Handlers } from '../../bridge/bridge-server';
import type { PipelineService } from './pipeline-service';

type PipelineRequests =
  | 'pipelines.list'
  | 'pipelines.get'
  | 'pipelines.create'
  | 'pipelines.rename'
  | 'pipelines.delete'
  | 'pipelines.saveServices'
  | 'pipelines.saveSettings'
  | 'pipelines.saveSteps'
  | 'pipelines.createStepFile';

/** `onDeleted` lets what is kept elsewhere about a pipeline (its variables) go with it. */
export function pipelineHandlers(
  pipelines: PipelineService,
  onDeleted: (projectId: string, pipelineUuid: string) => Promise<void>,
): Pick<Handlers, PipelineRequests> {
  return {
    'pipelines.list': ({ projectId }) => pipelines.list(projectId),
    'pipelines.get': ({ projectId, path }) => pipelines.get(projectId, path),
    'pipelines.create': ({ projectId, path, name }) => pipelines.create(projectId, path, name),
    'pipelines.rename': ({ projectId, path, revision, name }) => pipelines.rename(projectId, path, revision, name),
    'pipelines.delete': async ({ projectId, path }) => {
      const uuid = await pipelines.delete(projectId, path);
      if (uuid) await onDeleted(projectId, uuid);
      return { ok: true };
    },
    'pipelines.saveServices': ({ projectId, path, revision, services }) =>
      pipelines.saveServices(projectId, path, revision, services),
    'pipelines.saveSettings': ({ projectId, path, revision, settings }) => pipelines.saveSettings(projectId, path, revision, settings),
    'pipelines.saveSteps': ({ projectId, path, revision, steps, parameters }) =>
      pipelines.saveSteps(projectId, path, revision, steps, parameters),
    'pipelines.createStepFile': ({ projectId, path, filePath, environment }) =>
      pipelines.createStepFile(projectId, path, filePath, environment),
  };
}
