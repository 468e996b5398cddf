import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Tick } from '../../../../electron/core/jobs/job-schedule';
import { JobScheduler, type ScheduledJob } from '../../../../electron/core/jobs/job-scheduler';

/** A store in memory: fire() writes the job's next time back, as the app's will. */
function setup(initial: ScheduledJob[], now: { value: Date }) {
  const jobs = new Map(initial.map((job) => [job.uuid, job]));
  const fired: Array<[string, Tick]> = [];
  const errors: Array<[unknown, string | undefined]> = [];
  const scheduler = new JobScheduler({
    now: () => now.value,
    jobs: async () => [...jobs.values()],
    fire: async (job, tick) => {
      if (job.uuid === 'broken') throw new Error('disk full');
      fired.push([job.uuid, tick]);
      jobs.set(job.uuid, { ...job, state: { ...job.state, nextScheduledTime: tick.nextScheduledTime } });
    },
    onError: (error, uuid) => errors.push([error, uuid]),
    intervalMs: 10_000,
  });
  return { scheduler, fired, errors };
}

const cron = (uuid: string, next: string | null): ScheduledJob => ({ uuid, state: { schedule: { kind: 'cron', cron: '*/5 * * * *' }, nextScheduledTime: next } });

describe('JobScheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('fires each due job once per look, catch-up included, and not again for the same times', async () => {
    const now = { value: new Date('2026-12-05T12:01:00Z') };
    const { scheduler, fired } = setup(
      [cron('missed-many', '2026-12-05T10:00:00.000Z'), cron('later', '2026-12-05T12:05:00.000Z'), cron('paused', null)],
      now,
    );
    await scheduler.check();
    expect(fired).toEqual([['missed-many', { fire: true, missed: 25, nextScheduledTime: '2026-12-05T12:05:00.000Z' }]]);
    await scheduler.check();
    expect(fired).toHaveLength(1);
    now.value = new Date('2026-12-05T12:05:00Z');
    await scheduler.check();
    expect(fired.map(([uuid]) => uuid)).toEqual(['missed-many', 'missed-many', 'later']);
  });

  it('reports a job that cannot be fired and goes on with the others', async () => {
    const now = { value: new Date('2026-12-05T12:01:00Z') };
    const { scheduler, fired, errors } = setup([cron('broken', '2026-12-05T12:00:00.000Z'), cron('fine', '2026-12-05T12:00:00.000Z')], now);
    await scheduler.check();
    expect(errors).toEqual([[new Error('disk full'), 'broken']]);
    expect(fired.map(([uuid]) => uuid)).toEqual(['fine']);
  });

  it('looks once at start and then every interval, never two looks at once, until disposed', async () => {
    vi.useFakeTimers();
    const now = { value: new Date('2026-12-05T12:01:00Z') };
    const { scheduler, fired } = setup([cron('job', '2026-12-05T12:00:00.000Z')], now);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fired).toHaveLength(1);
    now.value = new Date('2026-12-05T12:05:00Z');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fired).toHaveLength(2);
    const first = scheduler.check();
    expect(scheduler.check()).toBe(first);
    await first;
    expect(fired).toHaveLength(2);
    now.value = new Date('2026-12-05T12:10:00Z');
    await scheduler.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fired).toHaveLength(2);
  });
});
