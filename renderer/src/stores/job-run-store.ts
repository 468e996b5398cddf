import { createStore } from 'zustand/vanilla';
import type { BridgeClient, JobRun } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';

export interface JobRunState {
  jobUuid: string | undefined;
  runUuid: string | undefined;
  /** The open run; undefined until read. */
  run: JobRun | undefined;
  error: string | undefined;
  /** Why cancelling it failed. */
  cancelError: string | undefined;
  cancelling: boolean;
  open(jobUuid: string, runUuid: string): void;
  close(): void;
  cancel(): Promise<void>;
  /** Follows `jobs.runChanged` for the open run (its steps' states live); returns the unsubscribe. */
  start(): () => void;
}

export type JobRunStore = ReturnType<typeof createJobRunStore>;

/** The one run of a job whose page is open. */
export function createJobRunStore(bridge: BridgeClient) {
  let news = 0;
  return createStore<JobRunState>()((set, get) => {
    const isOpen = (jobUuid: string, runUuid: string) => get().jobUuid === jobUuid && get().runUuid === runUuid;
    const empty = { run: undefined, error: undefined, cancelError: undefined, cancelling: false };
    return {
      jobUuid: undefined,
      runUuid: undefined,
      ...empty,

      open(jobUuid, runUuid) {
        if (!isOpen(jobUuid, runUuid)) {
          news++;
          set({ jobUuid, runUuid, ...empty });
        }
        const before = news;
        bridge.request('jobs.run', { jobUuid, runUuid }).then(
          (run) => before === news && set({ run, error: undefined }),
          (error: unknown) => before === news && set({ error: errorMessage(error) }),
        );
      },

      close() {
        news++;
        set({ jobUuid: undefined, runUuid: undefined, ...empty });
      },

      async cancel() {
        const { jobUuid, runUuid, cancelling } = get();
        if (!jobUuid || !runUuid || cancelling) return;
        set({ cancelling: true, cancelError: undefined });
        try {
          await bridge.request('jobs.cancel', { jobUuid, runUuid });
          if (isOpen(jobUuid, runUuid)) set({ cancelling: false });
        } catch (error) {
          if (isOpen(jobUuid, runUuid)) set({ cancelling: false, cancelError: `The run could not be cancelled: ${errorMessage(error)}` });
        }
      },

      start() {
        return bridge.on('jobs.runChanged', (run) => {
          if (!isOpen(run.jobUuid, run.uuid)) return;
          news++;
          set({ run });
        });
      },
    };
  });
}
