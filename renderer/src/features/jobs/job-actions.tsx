import { useState } from 'react';
import { useStore } from 'zustand';
import type { JobDetails } from '../../../../electron/contract';
import { routeStore } from '../../app/route-store';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { jobStore } from '../../stores/app-stores';
import type { JobAction } from '../../stores/job-store';
import { DeleteJobDialog } from './delete-job-dialog';
import { isJobEnded } from './job-format';

type Act = Exclude<JobAction, 'duplicate' | 'delete'>;

/** Start, Pause, Resume, Run now, Cancel job, Duplicate and Delete, each shown when the job's state allows it. */
export function JobActions({ projectId, job, unsaved }: { projectId: string; job: JobDetails; unsaved: boolean }) {
  const pending = useStore(jobStore, (s) => s.pending);
  const [deleting, setDeleting] = useState(false);
  const cron = job.schedule.kind === 'cron';
  const ended = isJobEnded(job.status);
  const act = (action: Act) => () => void jobStore.getState().act(action);
  const button = (action: Act, label: string, variant: 'primary' | 'secondary' | 'ghost' = 'secondary', title?: string) => (
    <Button size="small" variant={variant} onClick={act(action)} disabled={pending !== undefined} aria-busy={pending === action || undefined} title={title}>
      {label}
    </Button>
  );
  const duplicate = async () => {
    const copy = await jobStore.getState().duplicate();
    if (copy) routeStore.getState().navigate({ name: 'project', projectId, tab: 'jobs', job: copy.uuid });
  };

  return (
    <div className="job__actions" role="group" aria-label="Job actions">
      {job.status === 'DRAFT' && (
        <Button size="small" variant="primary" onClick={act('start')} disabled={pending !== undefined || unsaved} aria-busy={pending === 'start' || undefined} title={unsaved ? 'Save the changes first' : 'Copy the project and make the job live'}>
          <Icon name="play" />
          Start
        </Button>
      )}
      {cron && (job.status === 'PENDING' || job.status === 'STARTED') && button('pause', 'Pause')}
      {job.status === 'PAUSED' && button('resume', 'Resume')}
      {cron && job.status !== 'DRAFT' && !ended && button('runNow', 'Run now', 'secondary', 'One batch of runs now, besides the schedule')}
      {job.status !== 'DRAFT' && !ended && button('cancel', 'Cancel job', 'secondary', 'Abort the runs going and waiting; the job ends ABORTED')}
      <Button size="small" variant="ghost" onClick={() => void duplicate()} title="A new draft with the same settings; its Start takes a fresh snapshot">
        Duplicate
      </Button>
      <Button size="small" variant="ghost" onClick={() => setDeleting(true)}>
        <Icon name="trash" />
        Delete
      </Button>
      {deleting && <DeleteJobDialog projectId={projectId} name={job.name} onClose={() => setDeleting(false)} />}
    </div>
  );
}
