import type Docker from 'dockerode';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PipelineDefinition, StepRun } from '../../contract';
import { AppError } from '../app-error';
import { dockerErrorText } from '../docker/docker-error';
import { LogService } from '../logs/log-service';
import { planRun, type PlannedStep } from '../runs/run-plan';
import { runPlannedStep, stepImage, type StepContext, type StepImage } from '../runs/run-step';
import { runInOrder, type StepResult } from '../runs/run-scheduler';
import { waitForServices } from '../runs/service-wait';
import type { ContainerFiles } from '../sessions/container-files';
import { launchSession, removeSessionResources, ServiceStartError } from '../sessions/session-launcher';
import { jobRunContext, planJobRunSession, runPipelineDefinition, runPipelineFileText, type JobRunInput } from './job-plan';
import type { JobRecord, RunRecord } from './job-records';
import type { CarryOutRun, JobRunRequest } from './job-run-types';
import { runServicesSession } from './job-run-services';
import type { JobStore } from './job-store';
import { copySnapshot } from './project-snapshot';

export interface JobRunnerOptions {
  docker(): Promise<Docker>;
  store: JobStore;
  owner: string;
  dataDir(): string;
  containerFiles: ContainerFiles;
  /** The job's variables, with their values from the app's secret store. */
  variables(job: JobRecord): Promise<Record<string, string>>;
  /** The app's port proxy, for the services' external URLs in the SDK; undefined while it does not listen. */
  proxyOrigin(): string | undefined;
}

/**
 * Carries a job's runs out, one run start to end: the snapshot copied to the run's folder with its
 * parameters written into its pipeline file, the run's non-interactive services started on its own
 * network, its steps run on the images the job locked, and all of it removed at the end, however it ends.
 */
export class JobRunner {
  /** Job runs' logs, in each run's copy of the project (as Orchest kept them), found by `runLogKey`. */
  readonly logs: LogService;

  constructor(private readonly options: JobRunnerOptions) {
    this.logs = new LogService(async (key) => {
      const [jobUuid, runUuid] = key.split('/');
      return options.store.runProjectFolder(jobUuid!, runUuid!);
    });
  }

  readonly carryOut: CarryOutRun = async (request) => {
    const run = structuredClone(request.run);
    const change = (patch: Partial<RunRecord>) => {
      Object.assign(run, patch);
      request.onChange(structuredClone(run));
    };
    if (request.signal.aborted) {
      change({ status: 'ABORTED', finishedAt: new Date().toISOString(), reason: 'Cancelled before it started' });
      return run;
    }
    let docker: Docker | undefined;
    try {
      change({ status: 'STARTED', startedAt: new Date().toISOString() });
      docker = await this.options.docker();
      const results = await this.execute(docker, request, run, change);
      const status = request.signal.aborted ? 'ABORTED' : results.every((r) => r === 'SUCCESS') ? 'SUCCESS' : 'FAILURE';
      change({ status, finishedAt: new Date().toISOString(), ...(status === 'ABORTED' ? { reason: 'Cancelled' } : {}) });
    } catch (error) {
      const aborted = request.signal.aborted;
      for (const step of Object.values(run.steps)) {
        if (step.status === 'PENDING') step.status = 'ABORTED';
      }
      change({ status: aborted ? 'ABORTED' : 'FAILURE', finishedAt: new Date().toISOString(), reason: aborted ? 'Cancelled' : reasonOf(error) });
    } finally {
      if (docker) await removeSessionResources(docker, run.uuid, 0).catch(() => undefined);
      await this.options.containerFiles.removeSession(run.uuid).catch(() => undefined);
      await this.logs.forget(runLogKey(request.job.uuid, run.uuid)).catch(() => undefined); // read again from disk when asked
    }
    return run;
  };

  private async execute(docker: Docker, { job, signal }: JobRunRequest, run: RunRecord, change: (patch: Partial<RunRecord>) => void): Promise<StepResult[]> {
    const definition = runPipelineDefinition(job.pipelineDefinition as PipelineDefinition, run.parameters);
    const plan = planRun({ definition, path: job.pipelinePath }, 'all');
    change({ steps: Object.fromEntries(plan.steps.map((step) => [step.uuid, { status: 'PENDING' as const }])) });
    const images = await lockedImages(docker, job, plan.steps);

    const runProjectDir = this.options.store.runProjectFolder(job.uuid, run.uuid);
    await copySnapshot(this.options.store.snapshotFolder(job.uuid), runProjectDir, { signal });
    await fs.writeFile(path.join(runProjectDir, job.pipelinePath), runPipelineFileText(definition, {}));
    const dataDir = this.options.dataDir();
    await fs.mkdir(dataDir, { recursive: true }); // made by the app, not by Docker as root
    const input: JobRunInput = {
      job,
      runUuid: run.uuid,
      parameters: run.parameters,
      runProjectDir,
      owner: this.options.owner,
      dataDir,
      variables: await this.options.variables(job),
      appBinds: await this.options.containerFiles.binds(run.uuid),
    };
    const sessionPlan = planJobRunSession(input);
    await this.options.containerFiles.writeSession(run.uuid, { services: sessionPlan.serviceSpecs, proxy_origin: this.options.proxyOrigin() });
    const logKey = runLogKey(job.uuid, run.uuid);
    const prepared = { plan: sessionPlan, projectId: logKey, projectDir: runProjectDir, pipelineUuid: job.pipelineUuid };
    await launchSession(docker, prepared, this.logs, () => undefined, async () => undefined);
    const key = { projectId: job.projectId, pipelineUuid: job.pipelineUuid, pipelinePath: job.pipelinePath, sessionUuid: run.uuid };
    const unready = await waitForServices(runServicesSession(docker, key), () => undefined, signal);

    const context: StepContext = { session: jobRunContext(input), sessionUuid: run.uuid, runUuid: run.uuid, unready };
    const removals: Promise<void>[] = [];
    const updateStep = (uuid: string, patch: Partial<StepRun>) => {
      const { status, startedAt, finishedAt, message } = { ...run.steps[uuid], ...patch };
      change({ steps: { ...run.steps, [uuid]: { status: status ?? 'PENDING', startedAt, finishedAt, message } } });
    };
    const byUuid = new Map(plan.steps.map((step) => [step.uuid, step]));
    const results = await runInOrder(
      plan.steps,
      plan.parallelism,
      {
        run: (uuid) =>
          runPlannedStep(byUuid.get(uuid)!, {
            docker,
            logs: this.logs,
            target: { projectId: logKey, pipelineUuid: job.pipelineUuid, source: uuid },
            context,
            image: images.get(byUuid.get(uuid)!.environment)!,
            signal,
            removals,
            update: (patch) => updateStep(uuid, patch),
          }),
        skip: (uuid, parent) => {
          const cause = parent ? `Not run: ${byUuid.get(parent)?.title ?? parent} did not succeed` : 'Cancelled before it started';
          updateStep(uuid, { status: 'ABORTED', message: cause });
        },
      },
      signal,
    );
    await Promise.all(removals);
    return [...results.values()];
  }
}

/** The log target's project key of a job run: its logs are in the run's copy of the project. */
export function runLogKey(jobUuid: string, runUuid: string): string {
  return `${jobUuid}/${runUuid}`;
}

/** The images the job locked at Start for the environments of the steps; one removed since is said by name. */
async function lockedImages(docker: Docker, job: JobRecord, steps: PlannedStep[]): Promise<Map<string, StepImage>> {
  const images = new Map<string, StepImage>();
  for (const uuid of new Set(steps.map((step) => step.environment))) {
    const name = job.environmentImages[uuid];
    if (!name) throw new AppError('NOT_FOUND', `The job has no image for the environment ${uuid}: it was not built when the job started`, 'environment');
    try {
      images.set(uuid, await stepImage(docker, name));
    } catch (error) {
      throw new AppError('NOT_FOUND', `The image ${name} that the job locked is gone from Docker (${dockerErrorText(error)}); duplicate the job to run on a new build`);
    }
  }
  return images;
}

function reasonOf(error: unknown): string {
  if (error instanceof ServiceStartError && error.service) return `The service ${error.service} did not start: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
