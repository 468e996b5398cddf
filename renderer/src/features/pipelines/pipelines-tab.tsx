import { useState } from 'react';
import { formatRoute } from '../../app/route';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { usePreloadWhenIdle } from '../../components/on-demand-module';
import { useProjectListing } from '../projects/use-project-listing';
import { UnreadableFiles } from '../projects/unreadable-files';
import { NewPipelineDialog } from './new-pipeline-dialog';
import { pipelineGraphModule, preloadPipelineGraph } from './pipeline-graph-module';

/** The project's pipeline files: the readable ones in a table, the broken ones with what is wrong. */
export function PipelinesTab({ projectId }: { projectId: string }) {
  const { items, error } = useProjectListing('pipelines.list', projectId);
  const [creating, setCreating] = useState(false);
  usePreloadWhenIdle(pipelineGraphModule, Boolean(items?.some((p) => !p.error)));
  const dialog = creating && <NewPipelineDialog projectId={projectId} onClose={() => setCreating(false)} />;
  const newButton = (
    <Button variant="primary" size="small" onClick={() => setCreating(true)}>
      <Icon name="plus" />
      New pipeline
    </Button>
  );
  if (error && !items) return <p className="callout callout--error" role="alert">The pipelines cannot be listed: {error}</p>;
  if (!items) return <p className="muted">Looking for pipelines…</p>;

  const link = (path: string) => formatRoute({ name: 'pipeline', projectId, path, section: 'overview' });
  const readable = items.filter((p) => !p.error);
  const broken = items.filter((p) => p.error).map((p) => ({ path: p.path, error: p.error ?? '' }));
  if (items.length === 0) {
    return (
      <EmptyState title="No pipelines yet" icon={<Icon name="pipeline" size={32} />} testId="no-pipelines" actions={newButton}>
        <p>
          Pipelines are <code>.orchest</code> files anywhere in the project's folder.
        </p>
        {dialog}
      </EmptyState>
    );
  }

  return (
    <div className="listing">
      <div className="listing__toolbar">{newButton}</div>
      {readable.length > 0 && (
        <table className="table" aria-label="Pipelines" data-testid="pipeline-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Path</th>
              <th scope="col">UUID</th>
            </tr>
          </thead>
          <tbody>
            {readable.map((pipeline) => (
              <tr key={pipeline.path}>
                <td className="table__strong">
                  <a className="table__link" href={link(pipeline.path)} onPointerEnter={preloadPipelineGraph} onFocus={preloadPipelineGraph}>
                    {pipeline.name ?? 'Untitled'}
                  </a>
                </td>
                <td>
                  <code>{pipeline.path}</code>
                </td>
                <td>{pipeline.uuid ? <code className="muted">{pipeline.uuid}</code> : <span className="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <UnreadableFiles title="Pipeline files that cannot be read" files={broken} testId="unreadable-pipelines" href={link} />
      {dialog}
    </div>
  );
}
