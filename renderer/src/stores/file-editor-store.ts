import { createStore } from 'zustand/vanilla';
import { BridgeRequestError, type BridgeClient } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { parentOf } from './files-store';

/** The open file as the view shows it. */
export type OpenFile =
  | { status: 'loading' }
  | {
      status: 'text';
      /** What the file held when read (or last saved), and the revision of those bytes. */
      saved: string;
      revision: string;
      draft: string;
      saving: boolean;
      /** The file changed on disk since it was read: Reload or Overwrite. */
      conflict: boolean;
      error: string | undefined;
    }
  /** Not opened as text: too big, or binary; it can still be downloaded. */
  | { status: 'unreadable'; reason: 'too-big' | 'binary'; message: string }
  | { status: 'error'; message: string };

export interface FileEditorState {
  projectId: string | undefined;
  path: string | undefined;
  file: OpenFile | undefined;
  open(projectId: string, path: string): Promise<void>;
  close(): void;
  edit(draft: string): void;
  /** Saves the draft with the revision read; `overwrite` after a conflict writes over the disk's change. */
  save(overwrite?: boolean): Promise<void>;
  /** Reads the file again, dropping the draft. */
  reload(): Promise<void>;
  /** Follows a rename or move of the file or of a folder above it. */
  moved(from: string, to: string): void;
  /** Closes the file when it, or a folder above it, was deleted. */
  removed(path: string): void;
  /** The file's bytes, to hand to the browser as a download. */
  download(projectId: string, path: string): Promise<{ name: string; bytes: Uint8Array }>;
  openWithSystem(projectId: string, path: string): Promise<void>;
  /** Reloads an unchanged open file when it changes on disk; returns the unsubscribe. */
  start(): () => void;
}

export type FileEditorStore = ReturnType<typeof createFileEditorStore>;

export const isDirty = (file: OpenFile | undefined): boolean => file?.status === 'text' && file.draft !== file.saved;

const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

export function createFileEditorStore(bridge: BridgeClient) {
  // The latest open wins, whatever order the answers come in.
  let openId = 0;

  return createStore<FileEditorState>()((set, get) => {
    const read = async (projectId: string, path: string, keepShowing: boolean) => {
      const id = ++openId;
      if (!keepShowing) set({ file: { status: 'loading' } });
      let file: OpenFile;
      try {
        const { content, revision } = await bridge.request('files.read', { projectId, path });
        file = { status: 'text', saved: content, revision, draft: content, saving: false, conflict: false, error: undefined };
      } catch (error) {
        file = unreadable(error);
      }
      if (id !== openId || get().projectId !== projectId || get().path !== path) return;
      // A quiet re-read never replaces what was typed meanwhile, nor an editor that shows the same bytes.
      const now = get().file;
      if (keepShowing && (now?.status !== 'text' || isDirty(now) || now.saving || (file.status === 'text' && file.revision === now.revision))) return;
      set({ file });
    };

    return {
      projectId: undefined,
      path: undefined,
      file: undefined,

      async open(projectId, path) {
        set({ projectId, path });
        await read(projectId, path, false);
      },

      close() {
        openId++;
        set({ projectId: undefined, path: undefined, file: undefined });
      },

      edit(draft) {
        const { file } = get();
        if (file?.status === 'text') set({ file: { ...file, draft, error: undefined } });
      },

      async save(overwrite = false) {
        const { projectId, path, file } = get();
        if (!projectId || !path || file?.status !== 'text' || file.saving) return;
        const content = file.draft;
        set({ file: { ...file, saving: true, error: undefined } });
        const current = () => {
          const now = get().file;
          return get().path === path && now?.status === 'text' ? now : undefined;
        };
        try {
          const { revision } = await bridge.request('files.write', { projectId, path, content, revision: file.revision, overwrite });
          const now = current();
          if (now) set({ file: { ...now, saved: content, revision, saving: false, conflict: false } });
        } catch (error) {
          const now = current();
          const conflict = error instanceof BridgeRequestError && error.code === 'CONFLICT';
          if (now) set({ file: { ...now, saving: false, conflict, error: conflict ? undefined : errorMessage(error) } });
        }
      },

      async reload() {
        const { projectId, path } = get();
        if (projectId && path) await read(projectId, path, false);
      },

      moved(from, to) {
        const { path } = get();
        if (path && within(path, from)) set({ path: to + path.slice(from.length) });
      },

      removed(deleted) {
        const { path } = get();
        if (path && within(path, deleted)) get().close();
      },

      async download(projectId, path) {
        const { name, base64 } = await bridge.request('files.download', { projectId, path });
        return { name, bytes: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) };
      },

      async openWithSystem(projectId, path) {
        await bridge.request('files.openWithSystem', { projectId, path });
      },

      start() {
        return bridge.on('project.filesChanged', ({ projectId, paths }) => {
          const { path, file } = get();
          if (projectId !== get().projectId || !path || !paths.includes(parentOf(path))) return;
          const untouched = file?.status === 'text' && !file.saving && !isDirty(file) && !file.conflict;
          if (untouched) void read(projectId, path, true);
        });
      },
    };
  });
}

function unreadable(error: unknown): OpenFile {
  const message = errorMessage(error);
  if (error instanceof BridgeRequestError && error.code === 'FILE_TOO_BIG') return { status: 'unreadable', reason: 'too-big', message };
  if (error instanceof BridgeRequestError && error.code === 'FILE_NOT_TEXT') return { status: 'unreadable', reason: 'binary', message };
  return { status: 'error', message };
}
