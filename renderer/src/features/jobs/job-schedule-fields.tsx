import { TextField } from '../../components/text-field';
import type { JobDraft, When } from './job-draft';
import { SelectField } from './select-field';

const WHEN_OPTIONS: readonly { value: When; label: string }[] = [
  { value: 'now', label: 'Now, once' },
  { value: 'at', label: 'Once, at a time' },
  { value: 'cron', label: 'On a cron schedule' },
];

export interface JobScheduleFieldsProps {
  draft: JobDraft;
  onWhen(when: When): void;
  onTime(time: string): void;
  onCron(cron: string): void;
  errors: { when?: string | undefined; time?: string | undefined; cron?: string | undefined };
  /** A started cron job stays a cron job. */
  fixedCron: boolean;
}

/** When the job runs: now, once at a time (local), or on a five-field cron schedule. */
export function JobScheduleFields({ draft, onWhen, onTime, onCron, errors, fixedCron }: JobScheduleFieldsProps) {
  return (
    <div className="job-editor__fields">
      <SelectField
        label="When"
        value={draft.when}
        options={WHEN_OPTIONS}
        onChange={onWhen}
        error={errors.when}
        disabled={fixedCron}
        hint={fixedCron ? 'A started cron job keeps a cron schedule' : undefined}
      />
      {draft.when === 'at' && (
        <TextField label="Time" type="datetime-local" value={draft.time} onChange={onTime} error={errors.time} hint="In your own time zone" />
      )}
      {draft.when === 'cron' && (
        <TextField
          label="Cron"
          value={draft.cron}
          onChange={onCron}
          error={errors.cron}
          placeholder="0 9 * * 1-5"
          hint="Minute, hour, day of month, month, day of week; shown in words once saved"
        />
      )}
    </div>
  );
}
