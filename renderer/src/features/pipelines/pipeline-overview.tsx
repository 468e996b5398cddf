import { useState } from 'react';
import type { PipelineDocument } from '../../../../electron/contract';
import { Button } from '../../components/button';
import { PipelineSettingsDialog } from './pipeline-settings-dialog';
import { PipelineIssues } from './pipeline-issues';
import { StepsPanel } from './steps-panel';
import { ValueTable } from './value-table';

const SETTING_LABELS: Record<string, string> = {
  data_passing_memory_size: 'Data passing memory size',
  auto_eviction: 'Auto eviction',
  max_steps_parallelism: 'Max steps in parallel',
};

/** What the pipeline holds: its problems first, then its steps, parameters and settings. */
export function PipelineOverview({ projectId, document }: { projectId: string; document: PipelineDocument }) {
  const { definition } = document;
  const [editing, setEditing] = useState(false);
  return (
    <div className="pipeline-overview">
      <PipelineIssues issues={document.issues} />
      <StepsPanel projectId={projectId} path={document.path} steps={definition.steps} />
      <div className="pipeline-overview__columns">
        <section className="panel" aria-labelledby="parameters-heading">
          <h3 id="parameters-heading" className="panel__title">
            Parameters
          </h3>
          <ValueTable label="Parameters" values={definition.parameters} empty="No parameters." />
        </section>
        <section className="panel" aria-labelledby="settings-heading">
          <h3 id="settings-heading" className="panel__title">
            Settings
          </h3>
          <ValueTable label="Settings" values={definition.settings} labels={SETTING_LABELS} empty="No settings." />
          <Button size="small" onClick={() => setEditing(true)}>
            Edit settings
          </Button>
        </section>
      </div>
      {editing && <PipelineSettingsDialog document={document} onClose={() => setEditing(false)} />}
    </div>
  );
}
