import type { Handlers } from '../../bridge/bridge-server';
import { listEnvironments } from './environment-discovery';
import { listProjectFolder } from './project-files';
import type { ProjectService } from './project-service';
import { FolderWatcher } from './project-watcher';

type ProjectRequests =
  | 'projects.list'
  | 'projects.get'
  | 'projects.create'
  | 'projects.import'
  | 'projects.delete'
  | 'projects.watch'
  | 'projects.unwatch'
  | 'files.list'
  | 'environments.list';

/** `onDeleted` lets what is kept elsewhere about a project (its variables) go with it. */
export function projectHandlers(
  projects: ProjectService,
  onDeleted: (projectId: string) => Promise<void>,
): Pick<Handlers, ProjectRequests> {
  return {
    'projects.list': () => projects.list(),
    'projects.get': ({ projectId }) => projects.get(projectId),
    'projects.create': ({ name }) => projects.create(name),
    'projects.import': ({ path }) => projects.import(path),
    'projects.delete': async ({ projectId, confirmName }) => {
      await projects.delete(projectId, confirmName);
      await onDeleted(projectId);
      return { ok: true };
    },
    'projects.watch': async ({ projectId }, caller) => {
      const folder = await projects.folder(projectId);
      const watcher = new FolderWatcher(folder, (paths) => caller.emit('project.filesChanged', { projectId, paths }));
      caller.own(`project-files:${projectId}`, watcher);
      // Answered once changes are reported, so that a caller lists the files after, and misses none.
      await watcher.ready;
      return { ok: true };
    },
    'projects.unwatch': ({ projectId }, caller) => {
      caller.release(`project-files:${projectId}`);
      return { ok: true };
    },
    'files.list': async ({ projectId, path }) => listProjectFolder(await projects.folder(projectId), path),
    'environments.list': async ({ projectId }) => listEnvironments(await projects.folder(projectId)),
  };
}
