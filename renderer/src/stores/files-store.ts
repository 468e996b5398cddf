import { createStore } from 'zustand/vanilla';
import type { BridgeClient } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { emptyTree, failLoading, finishLoading, loadedFolders, setExpanded, startLoading, type FileTree } from './file-tree';

export interface FilesState {
  /** The open project, whose files are watched while it stays open. */
  projectId: string | undefined;
  tree: FileTree;
  open(projectId: string): void;
  close(): void;
  setExpanded(path: string, expanded: boolean): void;
  toggle(path: string): void;
  load(path: string): Promise<void>;
  /** Follows `project.filesChanged`; returns the unsubscribe. */
  start(): () => void;
}

export type FilesStore = ReturnType<typeof createFilesStore>;

export function createFilesStore(bridge: BridgeClient) {
  // watch/unwatch go out in order, so a quick close-and-reopen never ends unwatched.
  let watchQueue: Promise<unknown> = Promise.resolve();
  const queueWatch = (name: 'projects.watch' | 'projects.unwatch', projectId: string) => {
    watchQueue = watchQueue.then(() => bridge.request(name, { projectId }).catch(() => undefined));
  };
  // The latest request per folder wins, whatever order the answers come in.
  let requestIds = new Map<string, number>();
  let nextRequestId = 1;

  return createStore<FilesState>()((set, get) => {
    const update = (change: (tree: FileTree) => FileTree) => set((state) => ({ tree: change(state.tree) }));

    return {
      projectId: undefined,
      tree: emptyTree,

      open(projectId) {
        if (get().projectId === projectId) return;
        get().close();
        requestIds = new Map();
        set({ projectId, tree: emptyTree });
        queueWatch('projects.watch', projectId);
        void get().load('');
        // A change made before the watcher was ready is reported by no event: list again once it is.
        void watchQueue.then(() => {
          if (get().projectId === projectId) for (const path of Object.keys(get().tree.folders)) void get().load(path);
        });
      },

      close() {
        const { projectId } = get();
        if (!projectId) return;
        queueWatch('projects.unwatch', projectId);
        set({ projectId: undefined, tree: emptyTree });
      },

      setExpanded(path, expanded) {
        update((tree) => setExpanded(tree, path, expanded));
        const listing = get().tree.folders[path];
        if (expanded && (!listing || (listing.error && !listing.loading))) void get().load(path);
      },

      toggle(path) {
        get().setExpanded(path, !get().tree.expanded[path]);
      },

      async load(path) {
        const { projectId } = get();
        if (!projectId) return;
        const id = nextRequestId++;
        requestIds.set(path, id);
        update((tree) => startLoading(tree, path));
        const current = () => get().projectId === projectId && requestIds.get(path) === id;
        try {
          const entries = await bridge.request('files.list', { projectId, path });
          if (current()) update((tree) => finishLoading(tree, path, entries));
        } catch (error) {
          if (current()) update((tree) => failLoading(tree, path, errorMessage(error)));
        }
      },

      start() {
        return bridge.on('project.filesChanged', ({ projectId, paths }) => {
          if (projectId !== get().projectId) return;
          const loaded = new Set(loadedFolders(get().tree));
          for (const path of paths) if (loaded.has(path)) void get().load(path);
        });
      },
    };
  });
}
