import type { JobSummary } from '../../../../electron/contract';
import { formatRoute } from '../../app/route';
import { SessionPill } from '../sessions/session-pill';
import { formatTime, jobStatusLabel, runCountsText } from './job-format';

/** The project's jobs as a table: name, status, pipeline, schedule in words, next run, runs by status. */
export function JobList({ projectId, jobs }: { projectId: string; jobs: readonly JobSummary[] }) {
  return (
    <table className="table jobs-table" aria-label="Jobs" data-testid="job-list">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Status</th>
          <th scope="col">Pipeline</th>
          <th scope="col">Schedule</th>
          <th scope="col">Next run</th>
          <th scope="col">Runs</th>
        </tr>
      </thead>
      <tbody>
        {[...jobs].reverse().map((job) => (
          <tr key={job.uuid} data-testid="job-row">
            <td className="table__strong">
              <a className="table__link" href={formatRoute({ name: 'project', projectId, tab: 'jobs', job: job.uuid })}>
                {job.name}
              </a>
            </td>
            <td>
              <SessionPill label={jobStatusLabel(job.status)} />
            </td>
            <td>
              {job.pipelineName || 'Untitled'} <code className="muted">{job.pipelinePath}</code>
            </td>
            <td>{job.scheduleText}</td>
            <td>{formatTime(job.nextScheduledTime) || <span className="muted">none</span>}</td>
            <td className="jobs-table__counts">{runCountsText(job.runCounts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
