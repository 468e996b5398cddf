import { formatRoute } from '../../app/route';
import { Icon } from '../../components/icon';

/** The way back from one pipeline to the project's list of them. */
export function BackToPipelines({ projectId }: { projectId: string }) {
  return (
    <a className="back-link" href={formatRoute({ name: 'project', projectId, tab: 'pipelines' })}>
      <span className="back-link__chevron" aria-hidden="true">
        <Icon name="chevron" size={14} />
      </span>
      All pipelines
    </a>
  );
}
