import { useEffect, useId, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { logsStore } from '../../stores/app-stores';
import { LogList } from './log-list';
import { logListModel } from './log-list-model';
import type { JobRunRef } from './use-log-sources';

export interface StepLogProps {
  projectId: string;
  path: string;
  /** The step's uuid, which names its log. */
  step: string;
  title: string;
  /** The Logs section with this log and its tools (search, copy, download, the previous run). */
  fullHref: string;
  /** A run of one of the pipeline's jobs: the step's log in that run. */
  jobRun?: JobRunRef | undefined;
}

const NO_LABELS: ReadonlyMap<string, string> = new Map();

/** A step's log of the last run, live while the step runs, in a short list beside the graph. */
export function StepLog({ projectId, path, step, title, fullHref, jobRun }: StepLogProps) {
  const viewId = `step-log${useId()}`;
  const scrollRef = useRef<HTMLDivElement>(null);
  const jobUuid = jobRun?.jobUuid;
  const runUuid = jobRun?.runUuid;
  useEffect(() => {
    const ofRun = jobUuid && runUuid ? { jobRun: { jobUuid, runUuid } } : {};
    logsStore.getState().open(viewId, { projectId, path, sources: [step], previous: false, ...ofRun });
    return () => logsStore.getState().close(viewId);
  }, [viewId, projectId, path, step, jobUuid, runUuid]);
  const view = useStore(logsStore, (s) => s.views[viewId]);
  const logWindow = view?.window;
  const model = useMemo(() => (logWindow ? logListModel(logWindow, undefined) : undefined), [logWindow]);
  const label = `Log of ${title}`;

  return (
    <section className="step-log" aria-label={label} data-testid="step-log">
      <h5 className="step-details__subtitle step-log__title">
        Log of the last run
        <a href={fullHref} className="step-log__full">
          Open in Logs
        </a>
      </h5>
      {view?.error && (
        <p className="field__error" role="alert">
          {view.error}
        </p>
      )}
      {!view || !model || view.status === 'loading' ? (
        <p className="muted">Reading the log…</p>
      ) : (
        <LogList
          viewId={viewId}
          view={view}
          model={model}
          label={label}
          query=""
          showSource={false}
          sourceLabels={NO_LABELS}
          showTime={false}
          currentRow={undefined}
          scrollRef={scrollRef}
          empty="The step wrote nothing."
        />
      )}
    </section>
  );
}
