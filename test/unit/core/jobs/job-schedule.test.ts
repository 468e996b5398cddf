import { describe, expect, it } from 'vitest';
import {
  checkSchedule,
  describeCron,
  firstScheduledTime,
  nextTimes,
  parseCron,
  paused,
  resumed,
  tick,
  tickSince,
  type ScheduleState,
} from '../../../../electron/core/jobs/job-schedule';

const at = (iso: string) => new Date(iso);
const quarterly: ScheduleState = { schedule: { kind: 'cron', cron: '*/15 * * * *' }, nextScheduledTime: '2026-12-05T10:15:00.000Z' };

describe('job schedule', () => {
  it('gives the next three times of a cron schedule, strictly after the time given', () => {
    expect(nextTimes('*/15 * * * *', at('2026-12-05T10:07:00Z')).map((d) => d.toISOString())).toEqual([
      '2026-12-05T10:15:00.000Z',
      '2026-12-05T10:30:00.000Z',
      '2026-12-05T10:45:00.000Z',
    ]);
    expect(nextTimes('30 * * * *', at('2026-12-05T10:30:00Z'))[0]!.toISOString()).toBe('2026-12-05T11:30:00.000Z');
  });

  it('says a schedule in words', () => {
    expect(describeCron('*/15 * * * *')).toBe('Every 15 minutes');
    expect(describeCron('0 9 * * 1-5')).toBe('At 09:00, Monday through Friday');
  });

  it('takes standard 5-field cron only, saying why not', () => {
    expect(() => parseCron('0 9 * * 1-5 2026')).toThrow('"0 9 * * 1-5 2026" has 6 fields; a cron schedule has 5: minute hour day month weekday');
    expect(() => parseCron('61 * * * *')).toThrow(/"61 \* \* \* \*" is not a cron schedule: .*minute/);
    expect(() => describeCron('* * *')).toThrow('has 3 fields');
    expect(() => parseCron('0 0 1 * MON')).not.toThrow();
  });

  it('refuses a time that has passed or is not a time, and a bad cron, before Start', () => {
    const now = at('2026-12-05T10:00:00Z');
    expect(() => checkSchedule({ kind: 'at', time: '2026-12-05T09:59:00Z' }, now)).toThrow('has passed');
    expect(() => checkSchedule({ kind: 'at', time: 'tomorrow' }, now)).toThrow('"tomorrow" is not a date and time');
    expect(() => checkSchedule({ kind: 'cron', cron: 'often' }, now)).toThrow('has 1 fields');
    expect(() => checkSchedule({ kind: 'at', time: '2026-12-05T10:00:05Z' }, now)).not.toThrow();
    expect(() => checkSchedule({ kind: 'now' }, now)).not.toThrow();
  });

  it('fires first now, at its time, or at the schedule\'s next time', () => {
    const now = at('2026-12-05T10:07:00Z');
    expect(firstScheduledTime({ kind: 'now' }, now)).toBe('2026-12-05T10:07:00.000Z');
    expect(firstScheduledTime({ kind: 'at', time: '2026-12-05T11:00:00+01:00' }, now)).toBe('2026-12-05T10:00:00.000Z');
    expect(firstScheduledTime({ kind: 'cron', cron: '*/15 * * * *' }, now)).toBe('2026-12-05T10:15:00.000Z');
  });

  it('does not fire before the next time, fires at it and moves to the schedule\'s next time', () => {
    expect(tick(quarterly, at('2026-12-05T10:14:59Z'))).toEqual({ fire: false, missed: 0, nextScheduledTime: '2026-12-05T10:15:00.000Z' });
    expect(tick(quarterly, at('2026-12-05T10:15:00Z'))).toEqual({ fire: true, missed: 1, nextScheduledTime: '2026-12-05T10:30:00.000Z' });
  });

  it('a cron job that missed several times while the app was closed runs once, and goes on from now', () => {
    // Last looked at 10:10 (next 10:15); the app was closed until 12:20: 10:15 ... 12:15 passed, nine times.
    const result = tick(quarterly, at('2026-12-05T12:20:00Z'));
    expect(result).toEqual({ fire: true, missed: 9, nextScheduledTime: '2026-12-05T12:30:00.000Z' });
    // The next look, a moment later, does not fire again for the times already missed.
    expect(tick({ ...quarterly, nextScheduledTime: result.nextScheduledTime }, at('2026-12-05T12:20:10Z')).fire).toBe(false);
  });

  it('catches up from the last look: once for one or many misses, not at all for none', () => {
    const cron = { kind: 'cron', cron: '0 * * * *' } as const;
    expect(tickSince(cron, at('2026-12-05T10:30:00Z'), at('2026-12-05T10:59:00Z'))).toEqual({ fire: false, missed: 0, nextScheduledTime: '2026-12-05T11:00:00.000Z' });
    expect(tickSince(cron, at('2026-12-05T10:30:00Z'), at('2026-12-05T11:05:00Z'))).toEqual({ fire: true, missed: 1, nextScheduledTime: '2026-12-05T12:00:00.000Z' });
    expect(tickSince(cron, at('2026-12-01T10:30:00Z'), at('2026-12-05T11:05:00Z'))).toEqual({ fire: true, missed: 97, nextScheduledTime: '2026-12-05T12:00:00.000Z' });
    const once = { kind: 'at', time: '2026-12-05T11:00:00Z' } as const;
    expect(tickSince(once, at('2026-12-05T10:30:00Z'), at('2026-12-05T12:00:00Z')).fire).toBe(true);
    expect(tickSince(once, at('2026-12-05T11:30:00Z'), at('2026-12-05T12:00:00Z')).fire).toBe(false);
  });

  it('a one-off job fires once at its time, even when the app was closed then, and never again', () => {
    const once: ScheduleState = { schedule: { kind: 'at', time: '2026-12-05T10:00:00Z' }, nextScheduledTime: '2026-12-05T10:00:00.000Z' };
    expect(tick(once, at('2026-12-05T09:59:59Z')).fire).toBe(false);
    const fired = tick(once, at('2026-12-06T08:00:00Z'));
    expect(fired).toEqual({ fire: true, missed: 1, nextScheduledTime: null });
    expect(tick({ ...once, nextScheduledTime: fired.nextScheduledTime }, at('2026-12-07T08:00:00Z')).fire).toBe(false);
  });

  it('pause clears the next time; resume computes it from now, so nothing missed while paused fires', () => {
    const stopped = paused(quarterly);
    expect(stopped.nextScheduledTime).toBeNull();
    expect(tick(stopped, at('2026-12-06T00:00:00Z')).fire).toBe(false);
    const again = resumed(stopped, at('2026-12-06T09:01:00Z'));
    expect(again.nextScheduledTime).toBe('2026-12-06T09:15:00.000Z');
    expect(tick(again, at('2026-12-06T09:02:00Z')).fire).toBe(false);
    expect(() => resumed({ schedule: { kind: 'now' }, nextScheduledTime: null }, at('2026-12-06T09:01:00Z'))).toThrow('Only a cron job');
  });
});
