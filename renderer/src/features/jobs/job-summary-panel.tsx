import type { JobDetails } from '../../../../electron/contract';
import { formatSize } from '../files/format-size';
import { formatTime, runCountsText } from './job-format';

/** What the job is: its pipeline, schedule with its next times, snapshot, locked images, runs, and why it ended. */
export function JobSummaryPanel({ job }: { job: JobDetails }) {
  const images = Object.entries(job.environmentImages);
  return (
    <section className="job-panel" aria-label="Summary" data-testid="job-summary">
      <dl className="job-facts">
        <dt>Pipeline</dt>
        <dd>
          {job.pipelineName || 'Untitled'} <code className="muted">{job.pipelinePath}</code>
        </dd>
        <dt>Schedule</dt>
        <dd data-testid="job-schedule">
          {job.scheduleText}
          {job.nextTimes.length > 0 && (
            <ul className="job-facts__times" aria-label="Next times">
              {job.nextTimes.slice(0, 3).map((time) => (
                <li key={time}>{formatTime(time)}</li>
              ))}
            </ul>
          )}
        </dd>
        {job.status !== 'DRAFT' && (
          <>
            <dt>Next run</dt>
            <dd>{formatTime(job.nextScheduledTime) || <span className="muted">none</span>}</dd>
          </>
        )}
        <dt>Runs</dt>
        <dd data-testid="job-run-counts">
          {runCountsText(job.runCounts)}
          {job.status === 'DRAFT' && <span className="muted"> · {job.runsPerBatch} per batch</span>}
        </dd>
        <dt>Snapshot</dt>
        <dd>
          {job.snapshot ? `${job.snapshot.files} files, ${formatSize(job.snapshot.bytes)}` : <span className="muted">taken at Start</span>}
        </dd>
        <dt>Locked images</dt>
        <dd>
          {images.length === 0 ? (
            <span className="muted">{job.status === 'DRAFT' ? 'locked at Start' : 'none'}</span>
          ) : (
            <ul className="job-facts__images">
              {images.map(([environment, image]) => (
                <li key={environment}>
                  <code>{image}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {job.reason && (
          <>
            <dt>Reason</dt>
            <dd className="job-facts__reason">{job.reason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
