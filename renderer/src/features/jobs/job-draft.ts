import type { JobDetails, JobSchedule, JobSettings } from '../../../../electron/contract';
import type { KeyValueRow } from '../../components/key-value-rows';
import { rowsFrom, rowsToVariables } from '../variables/variable-rows';
import { gridOf, gridTexts } from './grid-fields';

export type When = JobSchedule['kind'];

/** A job's settings as its form holds them: texts, as typed. */
export interface JobDraft {
  name: string;
  when: When;
  /** A `datetime-local` value, in the person's own zone. */
  time: string;
  cron: string;
  /** Values fields by grid key. */
  texts: Record<string, string>;
  leftOut: number[];
  variables: KeyValueRow[];
  /** Runs to keep; empty keeps all. */
  keep: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as a `datetime-local` value in the local zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local zone) as an ISO time; undefined when it is no time. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function draftOf(job: JobDetails): JobDraft {
  const { schedule } = job;
  return {
    name: job.name,
    when: schedule.kind,
    time: schedule.kind === 'at' ? toLocalInput(schedule.time) : '',
    cron: schedule.kind === 'cron' ? schedule.cron : '',
    texts: gridTexts(job.grid),
    leftOut: [...job.leftOut],
    variables: rowsFrom(job.variables),
    keep: job.maxRetainedRuns < 0 ? '' : String(job.maxRetainedRuns),
  };
}

export type DraftErrors = Partial<Record<'time' | 'cron' | 'keep', string>>;

/** What the form's own checks find before anything is sent. */
export function draftErrors(draft: JobDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.when === 'at' && !fromLocalInput(draft.time)) errors.time = 'Give a date and time';
  if (draft.when === 'cron' && draft.cron.trim() === '') errors.cron = 'Give a cron schedule, e.g. 0 9 * * 1-5';
  if (draft.keep.trim() !== '' && !/^\d+$/.test(draft.keep.trim())) errors.keep = 'A whole number, or empty to keep every run';
  return errors;
}

export function scheduleOf(draft: JobDraft): JobSchedule {
  if (draft.when === 'at') return { kind: 'at', time: fromLocalInput(draft.time) ?? '' };
  if (draft.when === 'cron') return { kind: 'cron', cron: draft.cron.trim() };
  return { kind: 'now' };
}

/** The settings a Save sends; a started cron job keeps its schedule kind (the host refuses another). */
export function settingsOf(draft: JobDraft): JobSettings {
  return {
    name: draft.name,
    schedule: scheduleOf(draft),
    grid: gridOf(draft.texts),
    leftOut: draft.leftOut,
    variables: rowsToVariables(draft.variables),
    maxRetainedRuns: draft.keep.trim() === '' ? -1 : Number(draft.keep.trim()),
  };
}

/** The form field a host error names (`schedule.time` -> `time`, `grid.x` -> `parameters`). */
export function draftFieldOf(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const head = field.split('.')[0];
  if (head === 'schedule') return field.endsWith('cron') ? 'cron' : field.endsWith('time') ? 'time' : 'when';
  if (head === 'grid' || head === 'parameters' || head === 'leftOut') return 'parameters';
  if (head === 'maxRetainedRuns') return 'keep';
  if (head === 'name' || head === 'variables' || head === 'environment' || head === 'time' || head === 'cron') return head;
  return undefined;
}
