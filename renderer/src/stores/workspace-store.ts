import { createStore } from 'zustand/vanilla';
import type { BridgeClient, WorkspaceStatus } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { debounce } from './debounce';
import { PROJECTS_REFETCH_MS } from './projects-store';

export interface WorkspaceState {
  status: WorkspaceStatus | undefined;
  /** Set when the status itself could not be asked for. */
  error: string | undefined;
  refresh(): Promise<void>;
  start(): () => void;
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;

export function createWorkspaceStore(bridge: BridgeClient) {
  return createStore<WorkspaceState>()((set, get) => ({
    status: undefined,
    error: undefined,

    async refresh() {
      try {
        set({ status: await bridge.request('workspace.status', {}), error: undefined });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    start() {
      // A new workspace folder is announced as projects.changed.
      const refetch = debounce(() => void get().refresh(), PROJECTS_REFETCH_MS);
      const off = bridge.on('projects.changed', refetch);
      void get().refresh();
      return () => (off(), refetch.cancel());
    },
  }));
}
