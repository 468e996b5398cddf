import { lazy, Suspense } from 'react';
import type { PipelineDocument } from '../../../../electron/contract';
import { PipelineIssues } from './pipeline-issues';
import { ValueTable } from './value-table';

// The graph library is most of the page's weight: it loads with the first pipeline opened.
const PipelineGraph = lazy(() => import('./pipeline-graph').then((m) => ({ default: m.PipelineGraph })));

const SETTING_LABELS: Record<string, string> = {
  data_passing_memory_size: 'Data passing memory size',
  auto_eviction: 'Auto eviction',
  max_steps_parallelism: 'Max steps in parallel',
};

/** What the pipeline holds: its problems first, then its steps, parameters and settings. */
export function PipelineOverview({ document }: { document: PipelineDocument }) {
  const { definition } = document;
  const stepCount = isObject(definition.steps) ? Object.keys(definition.steps).length : 0;
  return (
    <div className="pipeline-overview">
      <PipelineIssues issues={document.issues} />
      <section className="panel" aria-labelledby="steps-heading">
        <h3 id="steps-heading" className="panel__title">
          Steps <span className="panel__count">{stepCount}</span>
        </h3>
        <Suspense fallback={<div className="pipeline-graph" />}>
          <PipelineGraph steps={definition.steps} label="Steps of the pipeline" />
        </Suspense>
      </section>
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
        </section>
      </div>
    </div>
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
