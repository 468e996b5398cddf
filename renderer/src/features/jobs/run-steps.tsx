import type { JobRun } from '../../../../electron/contract';
import { Button } from '../../components/button';
import { SessionPill } from '../sessions/session-pill';
import { runDuration, runStatusLabel } from './job-format';

export interface RunStepsProps {
  steps: JobRun['steps'];
  /** Every step of the pipeline by uuid, so steps that have not started are listed too. */
  titles: ReadonlyMap<string, string>;
  now: number;
  /** The log shown below. */
  source: string | undefined;
  onSource(source: string | undefined): void;
}

/** The run's steps with their states, live; each one's button shows its log below. */
export function RunSteps({ steps, titles, now, source, onSource }: RunStepsProps) {
  const uuids = [...new Set([...titles.keys(), ...Object.keys(steps)])];
  const rows = uuids.map((uuid) => ({ uuid, title: titles.get(uuid) ?? uuid, step: steps[uuid] })).sort((a, b) => a.title.localeCompare(b.title));
  return (
    <section className="job-panel" aria-label="Steps">
      <h3 className="job-panel__title">Steps</h3>
      <ul className="run-steps" data-testid="job-run-steps">
        {rows.map(({ uuid, title, step }) => (
          <li key={uuid} className="run-steps__step" data-testid="job-run-step" data-status={step?.status ?? 'PENDING'} aria-label={title}>
            <span className="run-steps__title">{title}</span>
            <SessionPill label={runStatusLabel(step?.status ?? 'PENDING')} />
            <span className="muted run-steps__time">{step ? runDuration(step, now) : ''}</span>
            <Button size="small" variant="ghost" aria-pressed={source === uuid} onClick={() => onSource(source === uuid ? undefined : uuid)}>
              Log of {title}
            </Button>
            {step?.message && <p className="run-steps__message field__error">{step.message}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
