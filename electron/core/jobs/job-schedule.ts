import { Cron } from 'croner';
import cronstrue from 'cronstrue';
import type { z } from 'zod';
import { AppError } from '../app-error';
import type { JobScheduleRecord } from './job-records';

/** When a job runs, as Orchest offered it: now, once at a time (`scheduled_start`), or on a cron schedule. */
export type JobSchedule = z.infer<typeof JobScheduleRecord>;

/** What the scheduler keeps of a live job between checks (job.json's `next_scheduled_time`). */
export interface ScheduleState {
  schedule: JobSchedule;
  /** ISO time of the next firing; null when nothing is due (paused, done, or run now). */
  nextScheduledTime: string | null;
}

export interface Tick {
  /** Whether a batch of runs starts now: once, however many times were missed. */
  fire: boolean;
  /** How many scheduled times passed since the last firing (more than one after the app was closed). */
  missed: number;
  nextScheduledTime: string | null;
}

/** Counting misses stops here: a minutely job closed for a month need not be walked to the end. */
const MISSED_COUNT_LIMIT = 1000;

/** A standard 5-field cron expression (minute hour day-of-month month day-of-week), refused with a reason otherwise. */
export function parseCron(expression: string): Cron {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new AppError('INVALID_INPUT', `"${expression}" has ${fields.length} fields; a cron schedule has 5: minute hour day month weekday`, 'cron');
  }
  try {
    // Not started (no function); day-of-month and day-of-week combine with OR, as in Vixie cron and croniter.
    return new Cron(fields.join(' '), { mode: '5-part', domAndDow: false });
  } catch (error) {
    throw new AppError('INVALID_INPUT', `"${expression}" is not a cron schedule: ${(error as Error).message}`, 'cron');
  }
}

/** The schedule's next `count` times strictly after `from`. */
export function nextTimes(expression: string, from: Date, count = 3): Date[] {
  return parseCron(expression).nextRuns(count, from);
}

/** The schedule in words ("At 09:00, Monday through Friday"), in the app's local time as the schedule is. */
export function describeCron(expression: string): string {
  parseCron(expression);
  return cronstrue.toString(expression.trim(), { verbose: false, use24HourTimeFormat: true });
}

/** Refuses a schedule that cannot be started as given: a bad cron, or a time that is not a time or is past. */
export function checkSchedule(schedule: JobSchedule, now: Date): void {
  if (schedule.kind === 'cron') parseCron(schedule.cron);
  if (schedule.kind === 'at') {
    const time = Date.parse(schedule.time);
    if (Number.isNaN(time)) throw new AppError('INVALID_INPUT', `"${schedule.time}" is not a date and time`, 'time');
    if (time <= now.getTime()) throw new AppError('INVALID_INPUT', `${schedule.time} has passed; pick a later time or run the job now`, 'time');
  }
}

/** The first time a job fires once started: now, its time, or its schedule's next time after now. */
export function firstScheduledTime(schedule: JobSchedule, now: Date): string {
  if (schedule.kind === 'now') return now.toISOString();
  if (schedule.kind === 'at') return new Date(schedule.time).toISOString();
  return nextAfter(schedule.cron, now);
}

/**
 * One look of the scheduler. A job whose next time has passed fires once, however many of its times
 * passed (a cron job missed while the app was closed runs once, not once per miss), and its next time
 * is the schedule's first after now. A one-off job has no next time after it fired.
 */
export function tick(state: ScheduleState, now: Date): Tick {
  const next = state.nextScheduledTime;
  if (next === null || Date.parse(next) > now.getTime()) return { fire: false, missed: 0, nextScheduledTime: next };
  if (state.schedule.kind !== 'cron') return { fire: true, missed: 1, nextScheduledTime: null };
  return { fire: true, missed: countTimes(state.schedule.cron, new Date(next), now), nextScheduledTime: nextAfter(state.schedule.cron, now) };
}

/**
 * Catch-up from the last time the schedule was looked at (when its next time was not kept): a job that
 * missed one or more times fires once, as `tick` does.
 */
export function tickSince(schedule: JobSchedule, lastChecked: Date, now: Date): Tick {
  if (schedule.kind === 'now') return { fire: false, missed: 0, nextScheduledTime: null };
  const next = schedule.kind === 'at' ? (Date.parse(schedule.time) > lastChecked.getTime() ? schedule.time : null) : nextAfter(schedule.cron, lastChecked);
  return tick({ schedule, nextScheduledTime: next === null ? null : new Date(next).toISOString() }, now);
}

/** Pausing a cron job clears its next time (Orchest's PAUSED). */
export function paused(state: ScheduleState): ScheduleState {
  return { ...state, nextScheduledTime: null };
}

/** Resuming computes the next time from now, so nothing missed while paused fires. */
export function resumed(state: ScheduleState, now: Date): ScheduleState {
  if (state.schedule.kind !== 'cron') throw new AppError('CONFLICT', 'Only a cron job can be paused and resumed', 'schedule');
  return { ...state, nextScheduledTime: nextAfter(state.schedule.cron, now) };
}

function nextAfter(expression: string, from: Date): string {
  const next = parseCron(expression).nextRun(from);
  if (!next) throw new AppError('INVALID_INPUT', `"${expression}" never fires again`, 'cron');
  return next.toISOString();
}

/** The scheduled times in [first, now], `first` being one of them. */
function countTimes(expression: string, first: Date, now: Date): number {
  const cron = parseCron(expression);
  let count = 1;
  let at: Date | null = first;
  while (count < MISSED_COUNT_LIMIT) {
    at = cron.nextRun(at);
    if (!at || at.getTime() > now.getTime()) break;
    count++;
  }
  return count;
}
