import type { Disposable } from '../app-error';
import { tick, type ScheduleState, type Tick } from './job-schedule';

export interface ScheduledJob {
  uuid: string;
  state: ScheduleState;
}

export interface JobSchedulerOptions {
  now(): Date;
  /** The live jobs (PENDING or STARTED) with their schedule state as stored. */
  jobs(): Promise<ScheduledJob[]>;
  /** A job is due: store its next time and start one batch of its runs. */
  fire(job: ScheduledJob, tick: Tick): Promise<void>;
  onError(error: unknown, jobUuid?: string): void;
  /** How often to look; Orchest's scheduler looked every 10 s. */
  intervalMs?: number;
}

/**
 * Looks at the jobs every interval (and once at start, which is the catch-up after the app was closed)
 * and fires each due job once. One look at a time: a slow look is not overlapped by the next.
 */
export class JobScheduler implements Disposable {
  private timer: NodeJS.Timeout | undefined;
  private looking: Promise<void> | undefined;

  constructor(private readonly options: JobSchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? 10_000);
    void this.check();
  }

  /** One look now; answers when it is done (joins a look already going on). */
  check(): Promise<void> {
    this.looking ??= this.look().finally(() => (this.looking = undefined));
    return this.looking;
  }

  private async look(): Promise<void> {
    let jobs: ScheduledJob[];
    try {
      jobs = await this.options.jobs();
    } catch (error) {
      this.options.onError(error);
      return;
    }
    for (const job of jobs) {
      const result = tick(job.state, this.options.now());
      if (!result.fire) continue;
      try {
        await this.options.fire(job, result);
      } catch (error) {
        this.options.onError(error, job.uuid);
      }
    }
  }

  async dispose(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.looking;
  }
}
