import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { formatRoute } from '../../app/route';
import { Button } from '../../components/button';
import { FormError } from '../../components/form-error';
import { Icon } from '../../components/icon';
import { jobRunStore, jobStore } from '../../stores/app-stores';
import { LogsPanel } from '../logs/logs-panel';
import { SessionPill } from '../sessions/session-pill';
import { stepTitlesOf } from './grid-fields';
import { formatTime, isRunEnded, runDuration, runStatusLabel } from './job-format';
import { useNow } from './job-runs-table';
import { RunParameters } from './run-parameters';
import { RunSteps } from './run-steps';
import { usePipelineDefinition } from './use-pipeline-definition';

export interface JobRunPageProps {
  projectId: string;
  jobUuid: string;
  runUuid: string;
}

/** One run of a job: its state and reason, parameters, steps live, and the logs of its steps and services. */
export function JobRunPage({ projectId, jobUuid, runUuid }: JobRunPageProps) {
  useEffect(() => {
    jobStore.getState().open(jobUuid);
    jobRunStore.getState().open(jobUuid, runUuid);
    return () => (jobRunStore.getState().close(), jobStore.getState().close());
  }, [jobUuid, runUuid]);
  const job = useStore(jobStore, (s) => (s.jobUuid === jobUuid ? s.job : undefined));
  const { run, error, cancelError, cancelling } = useStore(jobRunStore);
  const { definition } = usePipelineDefinition(projectId, job?.pipelinePath);
  const titles = stepTitlesOf(definition);
  const [source, setSource] = useState<string | undefined>();
  const now = useNow(run?.status === 'STARTED');

  const back = (
    <a className="back-link" href={formatRoute({ name: 'project', projectId, tab: 'jobs', job: jobUuid })}>
      <span className="back-link__chevron" aria-hidden="true">
        <Icon name="chevron" size={14} />
      </span>
      {job ? `Job ${job.name}` : 'The job'}
    </a>
  );
  if (!run || !job) {
    return (
      <div className="listing">
        {back}
        {error ? <p className="callout callout--error" role="alert">The run cannot be read: {error}</p> : <p className="muted">Reading the run…</p>}
      </div>
    );
  }
  const ended = isRunEnded(run.status);
  const stepsKey = Object.entries(run.steps)
    .map(([uuid, step]) => `${uuid}:${step.status}`)
    .join(' ');

  return (
    <article className="job job-run" aria-labelledby="job-run-title" data-testid="job-run-page">
      {back}
      <header className="job__header">
        <h2 id="job-run-title" className="job__title">
          Run #{run.runIndex + 1}
        </h2>
        <SessionPill label={runStatusLabel(run.status)} announce testId="job-run-status" />
        <div className="job__actions">
          {!ended && (
            <Button size="small" onClick={() => void jobRunStore.getState().cancel()} disabled={cancelling} aria-busy={cancelling || undefined}>
              Cancel run
            </Button>
          )}
        </div>
      </header>
      <FormError message={cancelError} />
      <p className="job-run__meta muted">
        Batch {run.batch + 1}, run {run.indexInBatch + 1} of it · made {formatTime(run.createdAt)}
        {run.startedAt && <> · started {formatTime(run.startedAt)}</>}
        {run.startedAt && <> · {runDuration(run, now)}</>}
      </p>
      {run.reason && (
        <p className="notice notice--error" data-testid="job-run-reason">
          <Icon name="alert" />
          <span className="notice__text">{run.reason}</span>
        </p>
      )}
      <div className="job-run__body">
        <RunParameters parameters={run.parameters} titles={titles} />
        <RunSteps steps={run.steps} titles={titles} now={now} source={source} onSource={setSource} />
      </div>
      <LogsPanel
        projectId={projectId}
        path={job.pipelinePath}
        source={source}
        jobRun={{ jobUuid, runUuid }}
        onSource={setSource}
        live={!ended}
        stepLabels={titles}
        sourcesKey={stepsKey}
      />
    </article>
  );
}
