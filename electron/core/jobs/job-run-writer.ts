import type { JobStore } from './job-store';
import type { RunRecord } from './job-records';

/**
 * Writes runs' records, coalesced: a run that changes many times within `delayMs` (every step's start and
 * end) is written once with its latest state; a finished run is written at once. Writes of one run never
 * overtake each other.
 */
export class JobRunWriter {
  private readonly latest = new Map<string, RunRecord>();
  private readonly chains = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Pick<JobStore, 'writeRun'>,
    private readonly onError: (error: unknown, jobUuid: string) => void,
    private readonly delayMs = 250,
  ) {}

  /** Keeps the run's newest state to write; `now` writes it before answering. */
  put(run: RunRecord, now = false): Promise<void> {
    this.latest.set(run.uuid, run);
    if (now) return this.flushOne(run.uuid);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delayMs);
    return Promise.resolve();
  }

  /** Writes every run still waiting, and waits for writes going on. */
  async flush(): Promise<void> {
    await Promise.all([...new Set([...this.latest.keys(), ...this.chains.keys()])].map((uuid) => this.flushOne(uuid)));
  }

  /** Forgets the writes waiting for these runs (their folder is being removed) and waits for those going on. */
  async drop(runUuids: Iterable<string>): Promise<void> {
    const waiting: Promise<void>[] = [];
    for (const uuid of runUuids) {
      this.latest.delete(uuid);
      const chain = this.chains.get(uuid);
      if (chain) waiting.push(chain);
    }
    await Promise.all(waiting);
  }

  private flushOne(uuid: string): Promise<void> {
    const chain = (this.chains.get(uuid) ?? Promise.resolve()).then(async () => {
      const run = this.latest.get(uuid);
      if (!run) return;
      this.latest.delete(uuid);
      try {
        await this.store.writeRun(run);
      } catch (error) {
        this.onError(error, run.jobUuid);
      }
    });
    this.chains.set(uuid, chain);
    void chain.then(() => {
      if (this.chains.get(uuid) === chain) this.chains.delete(uuid);
    });
    return chain;
  }

  async dispose(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
