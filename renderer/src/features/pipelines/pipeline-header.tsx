import { useState } from 'react';
import type { PipelineDocument } from '../../../../electron/contract';
import { routeStore } from '../../app/route-store';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { RunAlert } from '../runs/run-alert';
import { RunControls } from '../runs/run-controls';
import { SessionControls } from '../sessions/session-controls';
import { BackToPipelines } from './back-to-pipelines';
import { DeletePipelineDialog } from './delete-pipeline-dialog';
import { RenamePipelineDialog } from './rename-pipeline-dialog';

/** The pipeline's name, file and version, with its session's and run's controls, its logs, rename and delete. */
export function PipelineHeader({ projectId, document }: { projectId: string; document: PipelineDocument }) {
  const [dialog, setDialog] = useState<'rename' | 'delete' | undefined>();
  const name = typeof document.definition.name === 'string' ? document.definition.name : '';
  const target = typeof document.definition.version === 'string' ? document.definition.version : undefined;
  const upgrades = target !== undefined && target !== document.fileVersion;

  return (
    <header className="pipeline__header">
      <BackToPipelines projectId={projectId} />
      <div className="pipeline__heading">
        <h2 id="pipeline-title" className="pipeline__title">
          {name || <span className="muted">Untitled pipeline</span>}
        </h2>
        <div className="pipeline__actions">
          <SessionControls projectId={projectId} path={document.path} />
          <RunControls />
          <Button
            size="small"
            onClick={() => routeStore.getState().navigate({ name: 'pipeline', projectId, path: document.path, section: 'logs' })}
          >
            <Icon name="logs" />
            Logs
          </Button>
          <Button variant="ghost" size="small" onClick={() => setDialog('rename')}>
            Rename
          </Button>
          <Button variant="ghost" size="small" onClick={() => setDialog('delete')}>
            <Icon name="trash" />
            Delete pipeline
          </Button>
        </div>
      </div>
      <RunAlert />
      <dl className="facts">
        <div className="facts__item">
          <dt>File</dt>
          <dd>
            <code data-testid="pipeline-path">{document.path}</code>
          </dd>
        </div>
        <div className="facts__item">
          <dt>Version</dt>
          <dd data-testid="pipeline-version">
            {document.fileVersion}
            {upgrades && <span className="muted"> · will be saved as {target}</span>}
          </dd>
        </div>
        {typeof document.definition.uuid === 'string' && (
          <div className="facts__item">
            <dt>UUID</dt>
            <dd>
              <code className="muted">{document.definition.uuid}</code>
            </dd>
          </div>
        )}
      </dl>
      {dialog === 'rename' && <RenamePipelineDialog name={name} onClose={() => setDialog(undefined)} />}
      {dialog === 'delete' && (
        <DeletePipelineDialog projectId={projectId} path={document.path} name={name} onClose={() => setDialog(undefined)} />
      )}
    </header>
  );
}
