import { createStore } from 'zustand/vanilla';
import { isGoingOn, type BridgeClient, type PipelineRun, type RunSelection } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';

export type RunAction = 'start' | 'cancel';

export interface RunState {
  projectId: string | undefined;
  path: string | undefined;
  /** The open pipeline's latest run since the app started: null when it had none, undefined until read. */
  run: PipelineRun | null | undefined;
  /** The request this window sent and is waiting on. */
  pending: RunAction | undefined;
  /** Why the last request failed (reading, starting or cancelling), in words. */
  error: string | undefined;
  open(projectId: string, path: string): void;
  close(): void;
  /** Runs all steps, the given ones, or the given ones and every step after them. */
  start(selection: RunSelection, steps?: readonly string[]): Promise<void>;
  cancel(): Promise<void>;
  /** Follows `runs.changed` for the open pipeline; returns the unsubscribe. */
  follow(): () => void;
}

export type RunStore = ReturnType<typeof createRunStore>;

const FAILED_TO: Record<RunAction | 'load', string> = {
  load: 'The run cannot be read',
  start: 'The run could not be started',
  cancel: 'The run could not be cancelled',
};

/** The latest run of the pipeline open in the window, kept current by the main process's events. */
export function createRunStore(bridge: BridgeClient) {
  // `opened` changes with the open pipeline; `news` also with every event about it. An answer is kept
  // only when neither moved while it ran: the events came later than it, so they are newer.
  let opened = 0;
  let news = 0;

  return createStore<RunState>()((set, get) => {
    const isOpen = (projectId: string, path: string) => get().projectId === projectId && get().path === path;

    const load = async () => {
      const { projectId, path } = get();
      if (!projectId || !path) return;
      const before = news;
      try {
        const run = await bridge.request('runs.get', { projectId, path });
        if (news === before) set({ run, error: undefined });
      } catch (error) {
        if (news === before) set({ error: `${FAILED_TO.load}: ${errorMessage(error)}` });
      }
    };

    const act = async (action: RunAction, send: (projectId: string, path: string) => Promise<PipelineRun | null>) => {
      const { projectId, path, pending } = get();
      if (!projectId || !path || pending) return;
      set({ pending: action, error: undefined });
      const mine = opened;
      const before = news;
      try {
        const run = await send(projectId, path);
        if (mine !== opened) return;
        set(news === before && run ? { run, pending: undefined } : { pending: undefined });
      } catch (error) {
        if (mine === opened) set({ pending: undefined, error: `${FAILED_TO[action]}: ${errorMessage(error)}` });
      }
    };

    return {
      projectId: undefined,
      path: undefined,
      run: undefined,
      pending: undefined,
      error: undefined,

      open(projectId, path) {
        if (!isOpen(projectId, path)) {
          opened++;
          news++;
          set({ projectId, path, run: undefined, pending: undefined, error: undefined });
        }
        void load();
      },

      close() {
        opened++;
        news++;
        set({ projectId: undefined, path: undefined, run: undefined, pending: undefined, error: undefined });
      },

      start: (selection, steps) =>
        act('start', (projectId, path) =>
          bridge.request('runs.start', { projectId, path, selection, ...(steps && selection !== 'all' ? { steps: [...steps] } : {}) }),
        ),

      cancel: () => act('cancel', (projectId, path) => bridge.request('runs.cancel', { projectId, path })),

      follow() {
        return bridge.on('runs.changed', (run) => {
          if (!isOpen(run.projectId, run.pipelinePath)) return;
          news++;
          set({ run });
        });
      },
    };
  });
}

/** A run that has not ended: it can be cancelled, and another cannot start. */
export function isRunLive(run: Pick<PipelineRun, 'status'> | null | undefined): boolean {
  return isGoingOn(run?.status);
}
