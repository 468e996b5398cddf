import { onDemandModule } from '../../components/on-demand-module';
import type { JobsTabProps } from './jobs-tab';

/** The jobs' screens are split from the first chunk: they load when the Jobs tab is first opened. */
const jobsModule = onDemandModule(() => import('./jobs-tab'));

export function JobsTabOnDemand(props: JobsTabProps) {
  const jobs = jobsModule.useModule();
  return jobs ? <jobs.JobsTab {...props} /> : <p className="muted">Loading the jobs…</p>;
}
