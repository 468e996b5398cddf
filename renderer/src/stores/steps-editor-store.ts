import { createStore } from 'zustand/vanilla';
import { BridgeRequestError, readSteps, type BridgeClient, type PipelineDocument, type PipelineSteps } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { canRedo, canUndo, recordEdit, redoEdit, replacePresent, startHistory, undoEdit, type EditHistory } from '../features/pipelines/edit-history';
import type { PipelineStore } from './pipeline-store';

/** How long edits rest before they are saved. */
export const STEPS_SAVE_MS = 600;

/** What the editor changes: the steps and the pipeline's parameters. */
export interface StepsDraft {
  steps: PipelineSteps;
  parameters: Record<string, unknown>;
}

/**
 * `saved`: the file holds the draft; `pending`: edits wait for the debounce; `saving`: sent;
 * `conflict`: the file changed on disk since it was read, nothing is saved until Reload or Overwrite;
 * `failed`: the save was refused (see `error`), the next edit tries again.
 */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'conflict' | 'failed';

export interface StepsEditorState {
  projectId: string | undefined;
  path: string | undefined;
  /** The draft and its undo history; undefined until the pipeline is read. */
  history: EditHistory<StepsDraft> | undefined;
  status: SaveStatus;
  error: string | undefined;
  canUndo: boolean;
  canRedo: boolean;
  /**
   * Changes the draft as one step of the history; it is saved STEPS_SAVE_MS after the last change. Edits in a
   * row with the same `mergeKey` (the keystrokes of one field) are one step.
   */
  edit(change: (draft: StepsDraft) => StepsDraft, mergeKey?: string): void;
  undo(): void;
  redo(): void;
  /** Drops the local edits and reads the file again. */
  reload(): Promise<void>;
  /** Reads the file's new revision and sends the local draft again over it. */
  overwrite(): Promise<void>;
  /** Saves waiting edits now. */
  flush(): Promise<void>;
  /** Follows the open pipeline; returns the unsubscribe. */
  start(): () => void;
}

export type StepsEditorStore = ReturnType<typeof createStepsEditorStore>;

export function draftOf(document: PipelineDocument): StepsDraft {
  const parameters = document.definition.parameters;
  return {
    steps: readSteps(document.definition.steps),
    parameters: typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters) ? (parameters as Record<string, unknown>) : {},
  };
}

/**
 * The open pipeline's steps as the editor changes them: an undo history over drafts, saved by itself after a
 * pause with the revision it was read at, so a file changed on disk meanwhile is a conflict, never overwritten.
 */
export function createStepsEditorStore(bridge: BridgeClient, pipelines: PipelineStore) {
  /** The draft the file is known to hold, and its revision. */
  let base: StepsDraft | undefined;
  let baseRevision = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let lastMergeKey: string | undefined;

  return createStore<StepsEditorState>()((set, get) => {
    const dirty = () => get().history !== undefined && get().history?.present !== base;
    const setHistory = (history: EditHistory<StepsDraft> | undefined) =>
      set({ history, canUndo: history ? canUndo(history) : false, canRedo: history ? canRedo(history) : false });
    const cancelTimer = () => {
      clearTimeout(timer);
      timer = undefined;
    };

    const adopt = (document: PipelineDocument) => {
      lastMergeKey = undefined;
      base = draftOf(document);
      baseRevision = document.revision;
      setHistory(startHistory(base));
      set({ status: 'saved', error: undefined });
    };

    const save = async (): Promise<void> => {
      cancelTimer();
      const { projectId, path, history } = get();
      if (!projectId || !path || !history || !base || !dirty() || get().status === 'conflict') return;
      const sent = history.present;
      const sentOver = base;
      set({ status: 'saving', error: undefined });
      try {
        const parameters = sent.parameters !== sentOver.parameters ? { parameters: sent.parameters } : {};
        const document = await bridge.request('pipelines.saveSteps', { projectId, path, revision: baseRevision, steps: sent.steps, ...parameters });
        if (get().projectId !== projectId || get().path !== path) return;
        base = sent;
        baseRevision = document.revision;
        pipelines.getState().adopt(projectId, path, document);
        set({ status: dirty() ? 'pending' : 'saved' });
        if (dirty()) schedule();
      } catch (error) {
        if (get().projectId !== projectId || get().path !== path) return;
        const conflict = error instanceof BridgeRequestError && error.code === 'CONFLICT';
        set({ status: conflict ? 'conflict' : 'failed', error: errorMessage(error) });
      }
    };
    const saveOnce = () => (inFlight ??= save().finally(() => (inFlight = undefined)));
    const schedule = () => {
      cancelTimer();
      timer = setTimeout(() => {
        timer = undefined;
        // A save still on its way sends the rest when it ends (see save).
        if (!inFlight) void saveOnce();
      }, STEPS_SAVE_MS);
    };
    const changed = (history: EditHistory<StepsDraft>) => {
      setHistory(history);
      if (get().status === 'conflict') return;
      if (dirty()) {
        set({ status: 'pending' });
        schedule();
      } else {
        cancelTimer();
        if (!inFlight) set({ status: 'saved', error: undefined });
      }
    };

    /** The open pipeline's document changed: a new pipeline, or the file read again. */
    const follow = (projectId: string | undefined, path: string | undefined, document: PipelineDocument | undefined) => {
      if (projectId !== get().projectId || path !== get().path) {
        // Leaving a pipeline with edits waiting: they are sent before it is forgotten.
        if (timer) void saveOnce();
        cancelTimer();
        base = undefined;
        baseRevision = '';
        set({ projectId, path, status: 'saved', error: undefined });
        setHistory(undefined);
      }
      if (!document || document.revision === baseRevision) return;
      // Another writer changed the file: taken as is unless local edits wait (their save will meet the conflict).
      if (!get().history || (!dirty() && !inFlight && get().status !== 'conflict')) adopt(document);
    };

    return {
      projectId: undefined,
      path: undefined,
      history: undefined,
      status: 'saved',
      error: undefined,
      canUndo: false,
      canRedo: false,

      edit(change, mergeKey) {
        const history = get().history;
        if (!history) return;
        const next = change(history.present);
        const merge = mergeKey !== undefined && mergeKey === lastMergeKey && canUndo(history);
        lastMergeKey = mergeKey;
        changed(merge ? replacePresent(history, next) : recordEdit(history, next));
      },

      undo() {
        lastMergeKey = undefined;
        const history = get().history;
        if (history && canUndo(history)) changed(undoEdit(history));
      },

      redo() {
        lastMergeKey = undefined;
        const history = get().history;
        if (history && canRedo(history)) changed(redoEdit(history));
      },

      async reload() {
        cancelTimer();
        await inFlight;
        await pipelines.getState().reload();
        const { document } = pipelines.getState();
        if (document) adopt(document);
      },

      async overwrite() {
        cancelTimer();
        await inFlight;
        await pipelines.getState().reload();
        const { document } = pipelines.getState();
        if (!document) return;
        // The local steps go over the file as it is now; its parameters stay unless they were edited here too.
        baseRevision = document.revision;
        set({ status: 'pending', error: undefined });
        await saveOnce();
      },

      async flush() {
        if (timer) await saveOnce();
        await inFlight;
      },

      start() {
        const { projectId, path, document } = pipelines.getState();
        follow(projectId, path, document);
        const off = pipelines.subscribe((state) => follow(state.projectId, state.path, state.document));
        return () => (off(), cancelTimer());
      },
    };
  });
}
