import type { JobRecord, RunRecord } from './job-records';
import type { CarryOutRun } from './job-run-types';
import type { JobRunWriter } from './job-run-writer';
import { APP_STOPPED_REASON, isRunFinished } from './job-states';

export interface JobRunPoolOptions {
  carryOut: CarryOutRun;
  writer: JobRunWriter;
  now(): Date;
  /** Runs of one job at once; default 1. */
  parallelRuns?(): number;
  /** The job as it is now; undefined once it is deleted. */
  job(jobUuid: string): JobRecord | undefined;
  /** A run changed: keep its newest state and tell the listeners. */
  changed(run: RunRecord): void;
  /** After runs of the job ended (retention, the one-off job's end); the next waiting runs start after it. */
  ended(jobUuid: string): Promise<void>;
  onError(error: unknown, jobUuid: string): void;
}

interface ActiveRun {
  jobUuid: string;
  runUuid: string;
  abort: AbortController;
  done: Promise<void>;
}

/** A job's runs carried out at most N at once, the rest waiting PENDING in the order they were made. */
export class JobRunPool {
  private readonly waiting = new Map<string, RunRecord[]>();
  private readonly active = new Map<string, ActiveRun>();
  private stopping = false;

  constructor(private readonly options: JobRunPoolOptions) {}

  enqueue(jobUuid: string, runs: RunRecord[]): void {
    this.waiting.set(jobUuid, [...(this.waiting.get(jobUuid) ?? []), ...runs]);
    this.pump(jobUuid);
  }

  /** Cancels one run, or all the job's (no `runUuid`): waiting ones end ABORTED at once, going ones are stopped. */
  async cancel(jobUuid: string, runUuid?: string): Promise<void> {
    const which = (uuid: string) => runUuid === undefined || uuid === runUuid;
    const queue = this.waiting.get(jobUuid) ?? [];
    const cancelled = queue.filter((run) => which(run.uuid));
    this.waiting.set(jobUuid, queue.filter((run) => !which(run.uuid)));
    const now = this.options.now().toISOString();
    for (const run of cancelled) await this.finish({ ...run, status: 'ABORTED', reason: 'Cancelled', finishedAt: now });
    for (const active of this.active.values()) if (active.jobUuid === jobUuid && which(active.runUuid)) active.abort.abort();
    if (cancelled.length > 0) await this.afterRuns(jobUuid);
  }

  isGoing(runUuid: string): boolean {
    return this.active.has(runUuid);
  }

  /** Waits for the job's going runs to end. */
  async settled(jobUuid: string): Promise<void> {
    await Promise.all([...this.active.values()].filter((a) => a.jobUuid === jobUuid).map((a) => a.done));
  }

  forget(jobUuid: string): void {
    this.waiting.delete(jobUuid);
  }

  /** The app stops: going runs are stopped and end ABORTED ("the app stopped"); waiting ones stay PENDING for the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const active of this.active.values()) active.abort.abort();
    await Promise.all([...this.active.values()].map((a) => a.done));
  }

  private pump(jobUuid: string): void {
    const limit = Math.max(1, Math.floor(this.options.parallelRuns?.() ?? 1));
    const queue = this.waiting.get(jobUuid) ?? [];
    while (!this.stopping && queue.length > 0 && this.goingOf(jobUuid) < limit) this.carry(jobUuid, queue.shift()!);
  }

  private goingOf(jobUuid: string): number {
    let going = 0;
    for (const active of this.active.values()) if (active.jobUuid === jobUuid) going++;
    return going;
  }

  private carry(jobUuid: string, run: RunRecord): void {
    const job = this.options.job(jobUuid);
    if (!job) return;
    const active: ActiveRun = { jobUuid, runUuid: run.uuid, abort: new AbortController(), done: Promise.resolve() };
    this.active.set(run.uuid, active);
    let latest = run;
    active.done = (async () => {
      let finished: RunRecord;
      try {
        finished = await this.options.carryOut({
          job,
          run,
          signal: active.abort.signal,
          onChange: (changed) => {
            if (isRunFinished(changed.status)) return; // stored once, with its end, below
            latest = changed;
            void this.options.writer.put(changed);
            this.options.changed(changed);
          },
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        finished = { ...latest, status: active.abort.signal.aborted ? 'ABORTED' : 'FAILURE', reason, finishedAt: this.options.now().toISOString() };
      }
      if (!isRunFinished(finished.status)) {
        finished = { ...finished, status: 'FAILURE', reason: finished.reason ?? 'The run ended without a result', finishedAt: this.options.now().toISOString() };
      }
      if (this.stopping && finished.status === 'ABORTED') finished = { ...finished, reason: APP_STOPPED_REASON };
      this.active.delete(run.uuid);
      await this.finish(finished);
      await this.afterRuns(jobUuid);
    })().catch((error: unknown) => this.options.onError(error, jobUuid));
  }

  private async finish(run: RunRecord): Promise<void> {
    if (!this.options.job(run.jobUuid)) return; // deleted meanwhile
    await this.options.writer.put(run, true);
    this.options.changed(run);
  }

  private async afterRuns(jobUuid: string): Promise<void> {
    await this.options.ended(jobUuid);
    this.pump(jobUuid);
  }
}
