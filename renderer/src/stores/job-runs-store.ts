import { createStore } from 'zustand/vanilla';
import type { BridgeClient, JobRun, JobRunStatus } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { debounce } from './debounce';

export const JOB_RUNS_PAGE = 50;
export const JOB_RUNS_REFETCH_MS = 400;

export interface JobRunsState {
  jobUuid: string | undefined;
  /** Only runs of this status, or all. */
  status: JobRunStatus | undefined;
  offset: number;
  /** Runs of the filter in all, over every page. */
  total: number;
  /** The page shown, newest first; undefined until read. */
  runs: readonly JobRun[] | undefined;
  error: string | undefined;
  open(jobUuid: string): void;
  close(): void;
  setStatus(status: JobRunStatus | undefined): void;
  setOffset(offset: number): void;
  reload(): Promise<void>;
  /** Follows `jobs.runChanged`: a run on the page is patched in place, any other change re-reads the page (debounced). */
  start(): () => void;
}

export type JobRunsStore = ReturnType<typeof createJobRunsStore>;

/**
 * One page (50) of the open job's runs: the main process pages them, so a job of thousands of runs costs
 * the window one page, and a burst of run events one re-read.
 */
export function createJobRunsStore(bridge: BridgeClient) {
  let generation = 0;
  return createStore<JobRunsState>()((set, get) => {
    const reset = { offset: 0, total: 0, runs: undefined, error: undefined };
    const reread = () => {
      void get().reload();
    };
    return {
      jobUuid: undefined,
      status: undefined,
      ...reset,

      open(jobUuid) {
        if (get().jobUuid !== jobUuid) {
          generation++;
          set({ jobUuid, status: undefined, ...reset });
        }
        reread();
      },

      close() {
        generation++;
        set({ jobUuid: undefined, status: undefined, ...reset });
      },

      setStatus(status) {
        if (status === get().status) return;
        set({ status, offset: 0, runs: undefined });
        reread();
      },

      setOffset(offset) {
        set({ offset: Math.max(0, offset) });
        reread();
      },

      async reload() {
        const { jobUuid, status, offset } = get();
        if (!jobUuid) return;
        const mine = ++generation;
        try {
          const page = await bridge.request('jobs.runs', { jobUuid, offset, limit: JOB_RUNS_PAGE, ...(status ? { status } : {}) });
          if (mine !== generation) return;
          // Runs removed (retention, a filter that empties) leave a page past the end: go to the last one.
          if (page.runs.length === 0 && offset > 0 && page.total > 0) return get().setOffset(Math.floor((page.total - 1) / JOB_RUNS_PAGE) * JOB_RUNS_PAGE);
          set({ total: page.total, runs: page.runs, error: undefined });
        } catch (error) {
          if (mine === generation) set({ error: `The runs cannot be read: ${errorMessage(error)}` });
        }
      },

      start() {
        const refetch = debounce(reread, JOB_RUNS_REFETCH_MS);
        const off = bridge.on('jobs.runChanged', (run) => {
          const { jobUuid, runs, status } = get();
          if (run.jobUuid !== jobUuid) return;
          const shown = runs?.some((r) => r.uuid === run.uuid);
          if (shown && (!status || status === run.status)) set({ runs: runs?.map((r) => (r.uuid === run.uuid ? run : r)) });
          else refetch();
        });
        return () => (off(), refetch.cancel());
      },
    };
  });
}
