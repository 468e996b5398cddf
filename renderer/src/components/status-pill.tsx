import type { ReactNode } from 'react';

export type PillTone = 'ok' | 'error' | 'neutral';

export interface StatusPillProps {
  tone: PillTone;
  children: ReactNode;
  title?: string | undefined;
  testId?: string;
}

/** A short status with a coloured dot; announced politely when it changes. */
export function StatusPill({ tone, children, title, testId }: StatusPillProps) {
  return (
    <span className={`pill pill--${tone}`} role="status" title={title} data-testid={testId}>
      <span className="pill__dot" aria-hidden="true" />
      <span className="pill__text">{children}</span>
    </span>
  );
}
