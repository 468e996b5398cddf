import type { Handlers } from '../../bridge/bridge-server';
import type { EnvironmentService } from './environment-service';

type EnvironmentHandlers = Pick<
  Handlers,
  | 'environments.get'
  | 'environments.create'
  | 'environments.update'
  | 'environments.duplicate'
  | 'environments.delete'
  | 'environments.build'
  | 'environments.cancelBuild'
  | 'environments.builds'
  | 'environments.buildLog'
>;

export function environmentHandlers(environments: EnvironmentService): EnvironmentHandlers {
  return {
    'environments.get': ({ projectId, uuid }) => environments.get(projectId, uuid),
    'environments.create': ({ projectId, fields }) => environments.create(projectId, fields),
    'environments.update': ({ projectId, uuid, fields }) => environments.update(projectId, uuid, fields),
    'environments.duplicate': ({ projectId, uuid }) => environments.duplicate(projectId, uuid),
    'environments.delete': async ({ projectId, uuid }) => {
      await environments.delete(projectId, uuid);
      return { ok: true };
    },
    'environments.build': ({ projectId, uuid }) => environments.build(projectId, uuid),
    'environments.cancelBuild': ({ projectId, uuid }) => environments.cancel(projectId, uuid),
    'environments.builds': ({ projectId, uuid }) => environments.builds(projectId, uuid),
    'environments.buildLog': ({ projectId, uuid, number, from }) => environments.buildLog(projectId, uuid, number, from),
  };
}
