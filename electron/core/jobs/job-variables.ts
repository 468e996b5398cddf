import { z } from 'zod';
import { Variables } from '../../contract';
import { AppError } from '../app-error';
import { SerialQueue } from '../projects/serial-queue';
import type { SecretStore } from '../variables/secret-store';

/** The jobs' secrets file: each job's variables by job uuid (the job.json keeps only their names). */
const JobVariableDocument = z.object({
  version: z.literal(1),
  jobs: z.record(z.string(), z.record(z.string(), z.string())),
});
type JobVariableDocument = z.infer<typeof JobVariableDocument>;

/** A job's environment variables, their values kept in the app's secret store as project variables are. */
export class JobVariables {
  private readonly queue = new SerialQueue();

  constructor(private readonly store: SecretStore) {}

  get(jobUuid: string): Promise<Record<string, string>> {
    return this.queue.run(async () => ({ ...(await this.load()).jobs[jobUuid] }));
  }

  /** Replaces the job's whole set; an empty set removes the job's entry. */
  set(jobUuid: string, variables: Record<string, string>): Promise<void> {
    const parsed = Variables.safeParse(variables);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('INVALID_INPUT', issue?.message ?? 'Invalid variables', ['variables', ...(issue?.path.map(String) ?? [])].join('.'));
    }
    return this.queue.run(async () => {
      const doc = await this.load();
      const jobs = { ...doc.jobs, [jobUuid]: parsed.data };
      if (Object.keys(parsed.data).length === 0) delete jobs[jobUuid];
      await this.store.write({ ...doc, jobs });
    });
  }

  forget(jobUuid: string): Promise<void> {
    return this.queue.run(async () => {
      const doc = await this.load();
      if (!(jobUuid in doc.jobs)) return;
      const jobs = { ...doc.jobs };
      delete jobs[jobUuid];
      await this.store.write({ ...doc, jobs });
    });
  }

  private async load(): Promise<JobVariableDocument> {
    const stored = await this.store.read();
    if (stored === undefined) return { version: 1, jobs: {} };
    const parsed = JobVariableDocument.safeParse(stored);
    if (!parsed.success) {
      throw new AppError('SECRETS_UNAVAILABLE', "The jobs' variables file does not hold variables as this version of Orchest Desktop writes them. It was left as it is.");
    }
    return parsed.data;
  }
}
