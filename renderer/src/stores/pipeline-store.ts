import { createStore } from 'zustand/vanilla';
import type { BridgeClient, PipelineDocument, PipelineSettings } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { debounce } from './debounce';

export const PIPELINE_REFETCH_MS = 200;

export interface PipelineState {
  projectId: string | undefined;
  path: string | undefined;
  document: PipelineDocument | undefined;
  /** Why the file cannot be read, e.g. a JSON error with its line and column. */
  error: string | undefined;
  loading: boolean;
  open(projectId: string, path: string): void;
  close(): void;
  reload(): Promise<void>;
  rename(name: string): Promise<void>;
  remove(): Promise<void>;
  /** Sends every service; rejects with the bridge's error (PIPELINE_INVALID, CONFLICT) for the form. */
  saveServices(services: Record<string, Record<string, unknown>>, revision: string): Promise<PipelineDocument>;
  saveSettings(settings: PipelineSettings, revision: string): Promise<PipelineDocument>;
  /** Takes a document a save elsewhere answered, when it is of the open pipeline and newer than any read in flight. */
  adopt(projectId: string, path: string, document: PipelineDocument): void;
  /** Reloads when the pipeline's folder changes on disk; returns the unsubscribe. */
  start(): () => void;
}

export type PipelineStore = ReturnType<typeof createPipelineStore>;

/** The one pipeline open in the window, read through the bridge and re-read when its file changes. */
export function createPipelineStore(bridge: BridgeClient) {
  let generation = 0;
  return createStore<PipelineState>()((set, get) => {
    const target = () => {
      const { projectId, path } = get();
      if (!projectId || !path) throw new Error('No pipeline is open');
      return { projectId, path };
    };
    const current = (projectId: string, path: string) => get().projectId === projectId && get().path === path;
    /** Sends a change; its answer is the file as saved, which an older read still in flight must not overwrite. */
    const save = async (send: (projectId: string, path: string) => Promise<PipelineDocument>) => {
      const { projectId, path } = target();
      generation++;
      const document = await send(projectId, path);
      if (current(projectId, path)) set({ document, error: undefined, loading: false });
      return document;
    };

    return {
      projectId: undefined,
      path: undefined,
      document: undefined,
      error: undefined,
      loading: false,

      open(projectId, path) {
        if (current(projectId, path)) return;
        set({ projectId, path, document: undefined, error: undefined });
        void get().reload();
      },

      close() {
        generation++;
        set({ projectId: undefined, path: undefined, document: undefined, error: undefined, loading: false });
      },

      async reload() {
        const { projectId, path } = get();
        if (!projectId || !path) return;
        const mine = ++generation;
        set({ loading: true });
        try {
          const document = await bridge.request('pipelines.get', { projectId, path });
          if (mine === generation) set({ document, error: undefined, loading: false });
        } catch (error) {
          if (mine === generation) set({ document: undefined, error: errorMessage(error), loading: false });
        }
      },

      async rename(name) {
        const { projectId, path } = target();
        const revision = get().document?.revision ?? '';
        const document = await bridge.request('pipelines.rename', { projectId, path, revision, name });
        if (current(projectId, path)) set({ document, error: undefined });
      },

      async remove() {
        const { projectId, path } = target();
        await bridge.request('pipelines.delete', { projectId, path });
        if (current(projectId, path)) get().close();
      },

      saveServices: (services, revision) =>
        save((projectId, path) => bridge.request('pipelines.saveServices', { projectId, path, revision, services })),

      saveSettings: (settings, revision) =>
        save((projectId, path) => bridge.request('pipelines.saveSettings', { projectId, path, revision, settings })),

      adopt(projectId, path, document) {
        if (!current(projectId, path)) return;
        generation++;
        set({ document, error: undefined, loading: false });
      },

      start() {
        const refetch = debounce(() => void get().reload(), PIPELINE_REFETCH_MS);
        const off = bridge.on('project.filesChanged', ({ projectId, paths }) => {
          const path = get().path;
          if (projectId !== get().projectId || path === undefined) return;
          if (paths.includes(folderOf(path))) refetch();
        });
        return () => (off(), refetch.cancel());
      },
    };
  });
}

/** The folder whose listing holds the file: "" for the project folder. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}
