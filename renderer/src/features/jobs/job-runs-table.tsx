import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { JobDetails, JobRunStatus } from '../../../../electron/contract';
import { formatRoute } from '../../app/route';
import { Button } from '../../components/button';
import { jobRunsStore } from '../../stores/app-stores';
import { JOB_RUNS_PAGE } from '../../stores/job-runs-store';
import { SessionPill } from '../sessions/session-pill';
import { formatTime, RUN_STATUSES, runDuration, runStatusLabel, shortParameters } from './job-format';
import { SelectField } from './select-field';

type Filter = JobRunStatus | 'all';
const FILTERS: readonly { value: Filter; label: string }[] = [{ value: 'all', label: 'All' }, ...RUN_STATUSES.map((s) => ({ value: s, label: s }))];

/** The job's runs, newest first, 50 a page, filtered by status; each row opens its run. */
export function JobRunsTable({ projectId, job, titles }: { projectId: string; job: JobDetails; titles: ReadonlyMap<string, string> }) {
  useEffect(() => {
    jobRunsStore.getState().open(job.uuid);
    return () => jobRunsStore.getState().close();
  }, [job.uuid]);
  const { runs, total, offset, status, error } = useStore(jobRunsStore);
  const now = useNow(runs?.some((run) => run.status === 'STARTED') ?? false);
  const vary = new Set(Object.keys(job.grid));
  const last = Math.min(offset + JOB_RUNS_PAGE, total);
  const go = (to: number) => jobRunsStore.getState().setOffset(to);

  return (
    <section className="job-runs" aria-label="Runs" data-testid="job-runs">
      <h3 className="job-runs__title">Runs</h3>
      <div className="job-runs__bar">
        <SelectField label="Status" value={status ?? 'all'} options={FILTERS} onChange={(value) => jobRunsStore.getState().setStatus(value === 'all' ? undefined : value)} />
        <span className="job-runs__range muted" data-testid="runs-range">
          {total === 0 ? 'No runs' : `${offset + 1}–${last} of ${total}`}
        </span>
        <Button size="small" onClick={() => go(offset - JOB_RUNS_PAGE)} disabled={offset === 0}>
          Newer
        </Button>
        <Button size="small" onClick={() => go(offset + JOB_RUNS_PAGE)} disabled={last >= total}>
          Older
        </Button>
      </div>
      {error && <p className="field__error" role="alert">{error}</p>}
      {!runs ? (
        <p className="muted">Reading the runs…</p>
      ) : (
        runs.length > 0 && (
          <table className="table table--compact" aria-label="Runs of the job" data-testid="job-runs-table">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Status</th>
                <th scope="col">Parameters</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.uuid} data-testid="job-run-row" data-status={run.status}>
                  <td className="table__strong">
                    <a className="table__link" href={formatRoute({ name: 'project', projectId, tab: 'jobs', job: job.uuid, run: run.uuid })}>
                      #{run.runIndex + 1}
                    </a>
                  </td>
                  <td>
                    <SessionPill label={runStatusLabel(run.status)} />
                  </td>
                  <td className="job-runs__parameters">
                    <code>{shortParameters(run.parameters, titles, vary.size > 0 ? vary : undefined)}</code>
                  </td>
                  <td>{formatTime(run.startedAt)}</td>
                  <td>{runDuration(run, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </section>
  );
}

/** The time now, ticking each second while something runs, so durations grow. */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return ticking ? now : Date.now();
}
