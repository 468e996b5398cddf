import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { jobsStore } from '../../stores/app-stores';
import { JobList } from './job-list';
import { JobPage } from './job-page';
import { JobRunPage } from './job-run-page';
import { NewJobDialog } from './new-job-dialog';

export interface JobsTabProps {
  projectId: string;
  /** The job the address names, and one of its runs. */
  job?: string | undefined;
  run?: string | undefined;
}

/** The project's jobs, or one job's page, or one run's page. */
export function JobsTab({ projectId, job, run }: JobsTabProps) {
  useEffect(() => {
    jobsStore.getState().open(projectId);
    return () => jobsStore.getState().close();
  }, [projectId]);

  if (job && run) return <JobRunPage key={`${job}/${run}`} projectId={projectId} jobUuid={job} runUuid={run} />;
  if (job) return <JobPage key={job} projectId={projectId} jobUuid={job} />;
  return <JobsListing projectId={projectId} />;
}

function JobsListing({ projectId }: { projectId: string }) {
  const { jobs, loaded, error } = useStore(jobsStore);
  const current = useStore(jobsStore, (s) => s.projectId) === projectId;
  const [creating, setCreating] = useState(false);
  const dialog = creating && <NewJobDialog projectId={projectId} onClose={() => setCreating(false)} />;
  const newButton = (
    <Button variant="primary" size="small" onClick={() => setCreating(true)}>
      <Icon name="plus" />
      New job
    </Button>
  );

  if (!current || !loaded) return <p className="muted">Looking for jobs…</p>;
  if (error && jobs.length === 0) return <p className="callout callout--error" role="alert">The jobs cannot be listed: {error}</p>;
  if (jobs.length === 0) {
    return (
      <EmptyState title="No jobs yet" icon={<Icon name="play" size={32} />} testId="no-jobs" actions={newButton}>
        <p>A job runs a pipeline on a copy of the project: now, once at a time, or on a cron schedule, over a grid of parameters.</p>
        {dialog}
      </EmptyState>
    );
  }
  return (
    <div className="listing">
      <div className="listing__toolbar">{newButton}</div>
      <JobList projectId={projectId} jobs={jobs} />
      {dialog}
    </div>
  );
}
