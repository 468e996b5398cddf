import { createStore } from 'zustand/vanilla';
import type { BridgeClient, Project } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { debounce } from './debounce';

export const PROJECTS_REFETCH_MS = 150;

export interface ProjectsState {
  projects: Project[];
  /** False until the first listing answered. */
  loaded: boolean;
  /** Why the list could not be read (e.g. the workspace is unavailable). */
  error: string | undefined;
  refresh(): Promise<void>;
  create(name: string): Promise<Project>;
  importFolder(path: string): Promise<Project>;
  remove(projectId: string, confirmName: string): Promise<void>;
  /** Loads the list and follows `projects.changed`; returns the unsubscribe. */
  start(): () => void;
}

export type ProjectsStore = ReturnType<typeof createProjectsStore>;

export function createProjectsStore(bridge: BridgeClient) {
  let generation = 0;
  return createStore<ProjectsState>()((set, get) => ({
    projects: [],
    loaded: false,
    error: undefined,

    async refresh() {
      const mine = ++generation;
      try {
        const projects = await bridge.request('projects.list', {});
        if (mine === generation) set({ projects, loaded: true, error: undefined });
      } catch (error) {
        if (mine === generation) set({ projects: [], loaded: true, error: errorMessage(error) });
      }
    },

    async create(name) {
      const project = await bridge.request('projects.create', { name });
      await get().refresh();
      return project;
    },

    async importFolder(path) {
      const project = await bridge.request('projects.import', { path });
      await get().refresh();
      return project;
    },

    async remove(projectId, confirmName) {
      await bridge.request('projects.delete', { projectId, confirmName });
      // Not awaited: the caller leaves the project's page before the list drops it.
      void get().refresh();
    },

    start() {
      const refetch = debounce(() => void get().refresh(), PROJECTS_REFETCH_MS);
      const off = bridge.on('projects.changed', refetch);
      void get().refresh();
      return () => (off(), refetch.cancel());
    },
  }));
}
