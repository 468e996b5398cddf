import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { JobDetails } from '../../../../electron/contract';
import { formatRoute } from '../../app/route';
import { FormError } from '../../components/form-error';
import { Icon } from '../../components/icon';
import { jobStore } from '../../stores/app-stores';
import { SessionPill } from '../sessions/session-pill';
import { JobActions } from './job-actions';
import { JobEditor } from './job-editor';
import { canEditJob, jobStatusLabel } from './job-format';
import { JobRunsTable } from './job-runs-table';
import { JobSummaryPanel } from './job-summary-panel';
import { SnapshotProgress } from './snapshot-progress';
import { stepTitlesOf } from './grid-fields';
import { useJobDraft } from './use-job-draft';
import { usePipelineDefinition } from './use-pipeline-definition';

/** One job: its summary and actions, its settings while they can change, and its runs. */
export function JobPage({ projectId, jobUuid }: { projectId: string; jobUuid: string }) {
  useEffect(() => {
    jobStore.getState().open(jobUuid);
    return () => jobStore.getState().close();
  }, [jobUuid]);
  const job = useStore(jobStore, (s) => (s.jobUuid === jobUuid ? s.job : undefined));
  const error = useStore(jobStore, (s) => s.error);
  const back = (
    <a className="back-link" href={formatRoute({ name: 'project', projectId, tab: 'jobs' })}>
      <span className="back-link__chevron" aria-hidden="true">
        <Icon name="chevron" size={14} />
      </span>
      All jobs
    </a>
  );
  if (!job) {
    return (
      <div className="listing">
        {back}
        {error ? <p className="callout callout--error" role="alert">The job cannot be read: {error}</p> : <p className="muted">Reading the job…</p>}
      </div>
    );
  }
  return <LoadedJob projectId={projectId} job={job} back={back} gone={error} />;
}

function LoadedJob({ projectId, job, back, gone }: { projectId: string; job: JobDetails; back: React.ReactNode; gone: string | undefined }) {
  const form = useJobDraft(job);
  const { definition, error: pipelineError } = usePipelineDefinition(projectId, job);
  const titles = stepTitlesOf(definition);
  const actionError = useStore(jobStore, (s) => s.actionError);
  const progress = useStore(jobStore, (s) => s.progress);
  const editable = canEditJob(job);

  return (
    <article className="job" aria-labelledby="job-title" data-testid="job-page">
      {back}
      <header className="job__header">
        <h2 id="job-title" className="job__title">
          {job.name}
        </h2>
        <SessionPill label={jobStatusLabel(job.status)} announce testId="job-status" />
        <JobActions projectId={projectId} job={job} unsaved={editable && form.unsaved} />
      </header>
      {gone && <p className="callout callout--error" role="alert">{gone}</p>}
      <FormError message={actionError} />
      {progress && <SnapshotProgress progress={progress} />}
      <JobSummaryPanel job={job} />
      {pipelineError && editable && <p className="callout callout--error">{pipelineError}</p>}
      {editable && <JobEditor projectId={projectId} job={job} definition={definition} form={form} />}
      {job.status !== 'DRAFT' && <JobRunsTable projectId={projectId} job={job} titles={titles} />}
    </article>
  );
}
