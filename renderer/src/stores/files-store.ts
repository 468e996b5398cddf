import { createStore } from 'zustand/vanilla';
import type { BridgeClient, EntrySummary, FileEntry } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { emptyTree, failLoading, finishLoading, loadedFolders, setExpanded, startLoading, type FileTree } from './file-tree';

export interface FilesState {
  /** The open project, whose files are watched while it stays open. */
  projectId: string | undefined;
  tree: FileTree;
  /** The entry a person clicked last: where New file goes (its folder), what Rename and Delete act on. */
  selected: string | undefined;
  open(projectId: string): void;
  close(): void;
  setExpanded(path: string, expanded: boolean): void;
  toggle(path: string): void;
  load(path: string): Promise<void>;
  select(path: string | undefined): void;
  /** Makes an empty file or a folder in `folder`; rejects with the bridge's error for the dialog to show. */
  create(kind: 'file' | 'folder', folder: string, name: string): Promise<FileEntry>;
  /** Renames or moves; rejects with the bridge's error. */
  move(from: string, to: string): Promise<FileEntry>;
  describe(path: string): Promise<EntrySummary>;
  remove(path: string): Promise<{ trashed: boolean }>;
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
    const opened = () => {
      const { projectId } = get();
      if (!projectId) throw new Error('No project is open');
      return projectId;
    };

    return {
      projectId: undefined,
      tree: emptyTree,
      selected: undefined,

      open(projectId) {
        if (get().projectId === projectId) return;
        get().close();
        requestIds = new Map();
        set({ projectId, tree: emptyTree, selected: undefined });
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

      select(path) {
        set({ selected: path });
      },

      async create(kind, folder, name) {
        const projectId = opened();
        const path = joinPath(folder, name);
        const entry = await bridge.request(kind === 'file' ? 'files.createFile' : 'files.createFolder', { projectId, path });
        await get().load(folder);
        if (folder !== '') get().setExpanded(folder, true);
        set({ selected: entry.path });
        return entry;
      },

      async move(from, to) {
        const projectId = opened();
        const entry = await bridge.request('files.move', { projectId, from, to });
        await Promise.all([...new Set([parentOf(from), parentOf(to)])].map((folder) => get().load(folder)));
        set({ selected: entry.path });
        return entry;
      },

      describe(path) {
        return bridge.request('files.describe', { projectId: opened(), path });
      },

      async remove(path) {
        const result = await bridge.request('files.delete', { projectId: opened(), path });
        await get().load(parentOf(path));
        if (get().selected === path) set({ selected: undefined });
        return result;
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

/** The folder an entry is in ("" for the project folder). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function joinPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}
