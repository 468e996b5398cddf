import { useState } from 'react';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { pipelineStore } from '../../stores/app-stores';
import { BackToPipelines } from './back-to-pipelines';
import { DeletePipelineDialog } from './delete-pipeline-dialog';

/** A pipeline file that cannot be read: what is wrong (with line and column), and what can be done. */
export function UnreadablePipeline({ projectId, path, error }: { projectId: string; path: string; error: string }) {
  const [deleting, setDeleting] = useState(false);
  return (
    <section className="pipeline" aria-labelledby="pipeline-title" data-testid="pipeline-view">
      <header className="pipeline__header">
        <BackToPipelines projectId={projectId} />
        <div className="pipeline__heading">
          <h2 id="pipeline-title" className="pipeline__title">
            <code>{path}</code>
          </h2>
          <div className="pipeline__actions">
            <Button variant="ghost" size="small" onClick={() => void pipelineStore.getState().reload()}>
              <Icon name="refresh" />
              Read again
            </Button>
            <Button variant="ghost" size="small" onClick={() => setDeleting(true)}>
              <Icon name="trash" />
              Delete pipeline
            </Button>
          </div>
        </div>
      </header>
      <div className="notice notice--error" role="alert" data-testid="pipeline-error">
        <Icon name="alert" />
        <div className="notice__text">
          <strong>This pipeline file cannot be read</strong>
          <code className="notice__detail">{error}</code>
          <span>Fix the file in an editor; it is read again when it changes.</span>
        </div>
      </div>
      {deleting && <DeletePipelineDialog projectId={projectId} path={path} name="" onClose={() => setDeleting(false)} />}
    </section>
  );
}
