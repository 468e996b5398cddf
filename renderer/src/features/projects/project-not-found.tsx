import { formatRoute, HOME } from '../../app/route';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';

/** A link to a project that was deleted, renamed away or never existed. */
export function ProjectNotFound() {
  return (
    <EmptyState title="This project is not here" icon={<Icon name="alert" size={40} />} testId="project-not-found">
      <p>It may have been deleted, or its folder moved out of the workspace.</p>
      <p>
        <a href={formatRoute(HOME)}>Back to all projects</a>
      </p>
    </EmptyState>
  );
}
