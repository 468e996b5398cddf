import { createStore } from 'zustand/vanilla';
import type { BridgeClient, JobDetails, JobSummary } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { debounce } from './debounce';

export const JOBS_REFETCH_MS = 300;

export interface JobsState {
  projectId: string | undefined;
  /** The open project's jobs, oldest first. */
  jobs: readonly JobSummary[];
  loaded: boolean;
  /** Why the jobs cannot be listed. */
  error: string | undefined;
  open(projectId: string): void;
  close(): void;
  reload(): Promise<void>;
  /** A DRAFT of the pipeline, named; rejects with the bridge's error for the form. */
  create(projectId: string, path: string, name: string): Promise<JobDetails>;
  /** Follows `jobs.changed` (patched in place) and `jobs.runChanged` (the counts: re-read, debounced). */
  start(): () => void;
}

export type JobsStore = ReturnType<typeof createJobsStore>;

/** The jobs of the project whose Jobs tab is open, kept current by the main process's events. */
export function createJobsStore(bridge: BridgeClient) {
  let generation = 0;
  return createStore<JobsState>()((set, get) => {
    const received = (job: JobSummary & { deleted?: boolean | undefined }) => {
      if (job.projectId !== get().projectId) return;
      const others = get().jobs.filter((j) => j.uuid !== job.uuid);
      if (job.deleted) return set({ jobs: others });
      const { deleted: _, ...summary } = job;
      const known = get().jobs.some((j) => j.uuid === job.uuid);
      set({ jobs: known ? get().jobs.map((j) => (j.uuid === job.uuid ? summary : j)) : [...others, summary] });
    };

    return {
      projectId: undefined,
      jobs: [],
      loaded: false,
      error: undefined,

      open(projectId) {
        if (get().projectId !== projectId) set({ projectId, jobs: [], loaded: false, error: undefined });
        void get().reload();
      },

      close() {
        generation++;
        set({ projectId: undefined, jobs: [], loaded: false, error: undefined });
      },

      async reload() {
        const projectId = get().projectId;
        if (!projectId) return;
        const mine = ++generation;
        try {
          const jobs = await bridge.request('jobs.list', { projectId });
          if (mine === generation) set({ jobs, loaded: true, error: undefined });
        } catch (error) {
          if (mine === generation) set({ loaded: true, error: errorMessage(error) });
        }
      },

      async create(projectId, path, name) {
        const job = await bridge.request('jobs.create', { projectId, path, name });
        received(job);
        return job;
      },

      start() {
        const refetch = debounce(() => void get().reload(), JOBS_REFETCH_MS);
        const offJobs = bridge.on('jobs.changed', received);
        const offRuns = bridge.on('jobs.runChanged', (run) => {
          if (get().jobs.some((job) => job.uuid === run.jobUuid)) refetch();
        });
        return () => (offJobs(), offRuns(), refetch.cancel());
      },
    };
  });
}
