import { useState } from 'react';
import { useStore } from 'zustand';
import type { PipelineDocument } from '../../../../electron/contract';
import { Button } from '../../components/button';
import { stepsEditorStore } from '../../stores/app-stores';
import { JsonField } from './json-field';
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
  const parameters = useStore(stepsEditorStore, (s) => (s.path === document.path ? s.history?.present.parameters : undefined));
  return (
    <div className="pipeline-overview">
      <PipelineIssues issues={document.issues} />
      <StepsPanel projectId={projectId} path={document.path} issues={document.issues} />
      <div className="pipeline-overview__columns">
        <section className="panel" aria-labelledby="parameters-heading">
          <h3 id="parameters-heading" className="panel__title">
            Parameters
          </h3>
          {parameters ? (
            <JsonField
              label="Pipeline parameters"
              value={parameters}
              onChange={(next) => stepsEditorStore.getState().edit((draft) => ({ ...draft, parameters: next }), 'pipeline-parameters')}
            />
          ) : (
            <ValueTable label="Parameters" values={definition.parameters} empty="No parameters." />
          )}
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
