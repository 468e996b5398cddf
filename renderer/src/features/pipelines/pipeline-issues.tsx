import type { ValidationIssue } from '../../../../electron/contract';
import { Icon } from '../../components/icon';

/** The rules of Orchest the file breaks; it stays readable, but saving waits until they are fixed. */
export function PipelineIssues({ issues }: { issues: ValidationIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <section className="notice notice--warning" aria-label="Validation issues" data-testid="pipeline-issues">
      <Icon name="alert" />
      <div className="notice__text">
        <strong>
          {issues.length === 1 ? 'The file breaks one rule' : `The file breaks ${issues.length} rules`}
        </strong>
        <ul className="notice__list">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.service && <span className="muted">service {issue.service}: </span>}
              <code>{issue.message}</code>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
