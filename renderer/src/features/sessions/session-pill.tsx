import type { SessionLabel } from './session-labels';

export interface SessionPillProps {
  label: SessionLabel;
  /** Announce changes politely (the session's own pill; not each service's). */
  announce?: boolean;
  testId?: string;
}

/** StatusPill's look with the session's extra tones; a busy dot pulses. */
export function SessionPill({ label, announce = false, testId }: SessionPillProps) {
  return (
    <span className={`pill pill--${label.tone}`} role={announce ? 'status' : undefined} data-testid={testId}>
      <span className="pill__dot" aria-hidden="true" />
      <span className="pill__text">{label.text}</span>
    </span>
  );
}
