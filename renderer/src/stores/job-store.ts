import { createStore } from 'zustand/vanilla';
import type { BridgeClient, JobDetails, JobSettings, JobSnapshotProgress, JobSummary } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { debounce } from './debounce';

export const JOB_REFETCH_MS = 300;

export type JobAction = 'start' | 'pause' | 'resume' | 'runNow' | 'cancel' | 'duplicate' | 'delete';

export interface JobState {
  jobUuid: string | undefined;
  /** The open job; undefined until read. */
  job: JobDetails | undefined;
  /** Why the job cannot be read (e.g. it was deleted). */
  error: string | undefined;
  /** The action this window sent and waits on. */
  pending: JobAction | undefined;
  /** Why the last action failed, in words. */
  actionError: string | undefined;
  /** The copy of the project while Start takes the snapshot. */
  progress: JobSnapshotProgress | undefined;
  open(jobUuid: string): void;
  close(): void;
  reload(): Promise<void>;
  /** Saves settings; rejects with the bridge's error, for the form to place. */
  update(settings: Partial<JobSettings>): Promise<JobDetails>;
  /** Start, Pause, Resume, Run now, Cancel job; a failure is kept in actionError. */
  act(action: Exclude<JobAction, 'duplicate' | 'delete'>): Promise<void>;
  /** A new draft with the same settings; resolves with it, or undefined when refused (see actionError). */
  duplicate(): Promise<JobDetails | undefined>;
  /** Deletes the job; rejects with the bridge's error, for the confirmation to show. */
  remove(): Promise<void>;
  /** Follows the open job's `jobs.changed`, `jobs.runChanged` (its counts) and `jobs.snapshotProgress`; returns the unsubscribe. */
  start(): () => void;
}

export type JobStore = ReturnType<typeof createJobStore>;

const FAILED_TO: Record<JobAction, string> = {
  start: 'The job could not start',
  pause: 'The job could not be paused',
  resume: 'The job could not be resumed',
  runNow: 'The job could not run now',
  cancel: 'The job could not be cancelled',
  duplicate: 'The job could not be duplicated',
  delete: 'The job could not be deleted',
};

/** The one job whose page is open: its details, the actions on it and the snapshot's progress. */
export function createJobStore(bridge: BridgeClient) {
  // Bumped by every event about the open job: an answer read before the event is older than it.
  let news = 0;
  return createStore<JobState>()((set, get) => {
    const isOpen = (jobUuid: string) => get().jobUuid === jobUuid;
    const summaryIn = (summary: JobSummary) => {
      const job = get().job;
      if (job && isOpen(summary.uuid)) set({ job: { ...job, ...summary } });
    };
    const detailsIn = (jobUuid: string, job: JobDetails) => {
      if (isOpen(jobUuid)) set({ job, error: undefined });
    };

    return {
      jobUuid: undefined,
      job: undefined,
      error: undefined,
      pending: undefined,
      actionError: undefined,
      progress: undefined,

      open(jobUuid) {
        if (!isOpen(jobUuid)) {
          news++;
          set({ jobUuid, job: undefined, error: undefined, pending: undefined, actionError: undefined, progress: undefined });
        }
        void get().reload();
      },

      close() {
        news++;
        set({ jobUuid: undefined, job: undefined, error: undefined, pending: undefined, actionError: undefined, progress: undefined });
      },

      async reload() {
        const jobUuid = get().jobUuid;
        if (!jobUuid) return;
        const before = news;
        try {
          const job = await bridge.request('jobs.get', { jobUuid });
          if (before === news) detailsIn(jobUuid, job);
        } catch (error) {
          if (before === news && isOpen(jobUuid)) set({ error: errorMessage(error) });
        }
      },

      async update(settings) {
        const jobUuid = get().jobUuid;
        if (!jobUuid) throw new Error('No job is open');
        news++;
        const job = await bridge.request('jobs.update', { jobUuid, ...settings });
        detailsIn(jobUuid, job);
        return job;
      },

      async act(action) {
        const { jobUuid, pending } = get();
        if (!jobUuid || pending) return;
        set({ pending: action, actionError: undefined, ...(action === 'start' ? { progress: undefined } : {}) });
        try {
          const summary = await bridge.request(`jobs.${action}`, { jobUuid });
          summaryIn(summary);
          if (isOpen(jobUuid)) set({ pending: undefined });
          void get().reload();
        } catch (error) {
          if (isOpen(jobUuid)) set({ pending: undefined, actionError: `${FAILED_TO[action]}: ${errorMessage(error)}` });
        }
      },

      async duplicate() {
        const jobUuid = get().jobUuid;
        if (!jobUuid) return undefined;
        set({ actionError: undefined });
        try {
          return await bridge.request('jobs.duplicate', { jobUuid });
        } catch (error) {
          if (isOpen(jobUuid)) set({ actionError: `${FAILED_TO.duplicate}: ${errorMessage(error)}` });
          return undefined;
        }
      },

      async remove() {
        const jobUuid = get().jobUuid;
        if (!jobUuid) return;
        await bridge.request('jobs.delete', { jobUuid });
      },

      start() {
        // A summary is patched in at once; the details (next times, variables) follow, debounced.
        const refetch = debounce(() => void get().reload(), JOB_REFETCH_MS);
        const offJobs = bridge.on('jobs.changed', (summary) => {
          if (!isOpen(summary.uuid)) return;
          news++;
          if (summary.deleted) return set({ error: 'The job was deleted' });
          summaryIn(summary);
          refetch();
        });
        const offProgress = bridge.on('jobs.snapshotProgress', (progress) => {
          if (isOpen(progress.jobUuid)) set({ progress });
        });
        // The runs by status change with the runs, which say so in their own events.
        const offRuns = bridge.on('jobs.runChanged', (run) => {
          if (isOpen(run.jobUuid)) refetch();
        });
        return () => (offJobs(), offProgress(), offRuns(), refetch.cancel());
      },
    };
  });
}
