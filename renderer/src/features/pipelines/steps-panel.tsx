import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { formatRoute } from '../../app/route';
import { RunSelectionBar } from '../runs/run-selection-bar';
import { useRun } from '../runs/use-run';
import { pickStep, stepIds } from './step-selection';

// The graph library is most of the page's weight: it loads with the first pipeline opened.
const PipelineGraph = lazy(() => import('./pipeline-graph').then((m) => ({ default: m.PipelineGraph })));

export interface StepsPanelProps {
  projectId: string;
  path: string;
  steps: unknown;
}

/** The pipeline's steps as a graph with the latest run's states; steps picked there can be run on their own. */
export function StepsPanel({ projectId, path, steps }: StepsPanelProps) {
  const { run } = useRun();
  const [picked, setPicked] = useState<readonly string[]>([]);
  const ids = useMemo(() => stepIds(steps), [steps]);
  // A step removed from the file meanwhile is no longer selected.
  const selected = useMemo(() => picked.filter((id) => ids.includes(id)), [picked, ids]);
  const clear = useCallback(() => setPicked([]), []);
  const onPick = useCallback((step: string, additive: boolean) => setPicked((current) => pickStep(current, step, additive)), []);
  const logHref = useCallback((step: string) => formatRoute({ name: 'pipeline', projectId, path, section: 'logs', source: step }), [projectId, path]);

  const anySelected = selected.length > 0;
  useEffect(() => {
    if (!anySelected) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) clear();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [anySelected, clear]);

  return (
    <section className="panel" aria-labelledby="steps-heading">
      <h3 id="steps-heading" className="panel__title">
        Steps <span className="panel__count">{ids.length}</span>
      </h3>
      {ids.length > 0 && <RunSelectionBar selected={selected} onClear={clear} />}
      <Suspense fallback={<div className="pipeline-graph" />}>
        <PipelineGraph steps={steps} label="Steps of the pipeline" run={run} selected={selected} onPick={onPick} onClear={clear} logHref={logHref} />
      </Suspense>
    </section>
  );
}
