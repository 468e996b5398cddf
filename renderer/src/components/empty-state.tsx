import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** Buttons or links that get the person going. */
  actions?: ReactNode;
  icon?: ReactNode;
  testId?: string;
}

export function EmptyState({ title, children, actions, icon, testId }: EmptyStateProps) {
  return (
    <section className="empty" aria-label={title} data-testid={testId}>
      {icon && (
        <div className="empty__icon" aria-hidden="true">
          {icon}
        </div>
      )}
      <h2 className="empty__title">{title}</h2>
      {children && <div className="empty__text">{children}</div>}
      {actions && <div className="empty__actions">{actions}</div>}
    </section>
  );
}
