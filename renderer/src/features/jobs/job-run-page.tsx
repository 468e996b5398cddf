import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { readSteps, type JobDetails, type JobRun } from '../../../../electron/contract';
import { formatRoute } from '../../app/route';
import { Button } from '../../components/button';
import { FormError } from '../../components/form-error';
import { Icon } from '../../components/icon';
import { jobRunStore, jobStore } from '../../stores/app-stores';
import { LogsPanel } from '../logs/logs-panel';
import { pipelineGraphModule } from '../pipelines/pipeline-graph-module';
import { SessionPill } from '../sessions/session-pill';
import { stepTitlesOf } from './grid-fields';
import { formatTime, isRunEnded, runDuration, runStatusLabel } from './job-format';
import { jobRunAsPipelineRun, jobRunStepsKey } from './job-run-graph';
import { useNow } from './job-runs-table';
import { RunFiles } from './run-files';
import { RunParameters } from './run-parameters';
import { RunSteps } from './run-steps';
import { usePipelineDefinition } from './use-pipeline-definition';

export interface JobRunPageProps {
  projectId: string;
  jobUuid: string;
  runUuid: string;
}

/** One run of a job: its state and reason, its pipeline's graph with the steps' states live, parameters, logs and files. */
export function JobRunPage({ projectId, jobUuid, runUuid }: JobRunPageProps) {
  useEffect(() => {
    jobStore.getState().open(jobUuid);
    jobRunStore.getState().open(jobUuid, runUuid);
    return () => (jobRunStore.getState().close(), jobStore.getState().close());
  }, [jobUuid, runUuid]);
  const job = useStore(jobStore, (s) => (s.jobUuid === jobUuid ? s.job : undefined));
  const { run, error, cancelError, cancelling } = useStore(jobRunStore);
  const { definition } = usePipelineDefinition(projectId, job);
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
      <RunGraph projectId={projectId} job={job} run={run} definition={definition} source={source} onSource={setSource} />
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
      <RunFiles jobUuid={jobUuid} runUuid={runUuid} version={`${run.status} ${stepsKey}`} />
    </article>
  );
}

const NO_ISSUES: Readonly<Record<string, string[]>> = {};

interface RunGraphProps {
  projectId: string;
  job: JobDetails;
  run: JobRun;
  definition: Record<string, unknown> | undefined;
  source: string | undefined;
  onSource(source: string | undefined): void;
}

/** The pipeline frozen at the job's Start, read-only, each step in its state in this run; a click on a step shows its log. */
function RunGraph({ projectId, job, run, definition, source, onSource }: RunGraphProps) {
  const graph = pipelineGraphModule.useModule();
  const steps = useMemo(() => readSteps(definition?.steps), [definition]);
  const runKey = jobRunStepsKey(run);
  // Remade only when a state changes, so the graph redraws only the boxes that did.
  const graphRun = useMemo(() => jobRunAsPipelineRun(run, steps, { projectId, pipelinePath: job.pipelinePath, pipelineUuid: job.pipelineUuid }), [runKey, steps, projectId, job.pipelinePath, job.pipelineUuid]);
  const selected = useMemo(() => (source && steps[source] ? [source] : []), [source, steps]);
  const pick = useCallback((step: string) => onSource(source === step ? undefined : step), [onSource, source]);
  return (
    <section className="job-panel job-run__graph" aria-label="Pipeline">
      <h3 className="job-panel__title">Pipeline</h3>
      {!definition ? (
        <p className="muted">Reading the pipeline…</p>
      ) : graph ? (
        <graph.PipelineGraph
          steps={steps}
          label={`Pipeline ${job.pipelineName || job.pipelinePath} of this run`}
          run={graphRun}
          selected={selected}
          issues={NO_ISSUES}
          selectedEdge={undefined}
          readOnly
          onPick={pick}
        />
      ) : (
        <p className="muted">Loading the graph…</p>
      )}
    </section>
  );
}
