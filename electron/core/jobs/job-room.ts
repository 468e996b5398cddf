import type Docker from 'dockerode';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EventName, EventPayload, PipelineDefinition } from '../../contract';
import { AppError } from '../app-error';
import { newestEnvironmentImage } from '../environments/environment-images';
import type { JobRunLogs } from '../logs/log-handlers';
import { isJsonObject } from '../pipelines/json-value';
import { stepTitles } from '../runs/run-plan';
import type { ContainerFiles } from '../sessions/container-files';
import { removeSessionResources } from '../sessions/session-launcher';
import { openSecretStore } from '../variables/open-secret-store';
import type { SecretCipher } from '../variables/secret-store';
import { JobManager } from './job-manager';
import { JobRunner, runLogKey } from './job-runner';
import { JobStore } from './job-store';
import { JobVariables } from './job-variables';
import { removeStrayJobRuns } from './stray-job-runs';

/** What the jobs take from the rest of the app. */
export interface JobRoomOptions {
  home: string;
  cipher?: SecretCipher | undefined;
  owner: string;
  docker(): Promise<Docker>;
  containerFiles: ContainerFiles;
  dataDir(): string;
  proxyOrigin(): string | undefined;
  pipeline(projectId: string, path: string): Promise<{ definition: PipelineDefinition; issues: ReadonlyArray<{ path: string; message: string }> }>;
  projectFolder(projectId: string): Promise<string>;
  effectiveVariables(projectId: string, pipelineUuid: string): Promise<Record<string, string>>;
  environmentName(projectId: string, environmentUuid: string): Promise<string | undefined>;
  runsAtOnce(): number;
  broadcast<N extends EventName>(name: N, payload: EventPayload<N>): void;
}

/** The jobs' room: their store in the app home, their variables, the runner and the manager, built together. */
export class JobRoom {
  readonly store: JobStore;
  readonly runner: JobRunner;
  readonly manager: JobManager;

  constructor(private readonly options: JobRoomOptions) {
    this.store = new JobStore(() => options.home);
    const variables = new JobVariables(openSecretStore(path.join(options.home, 'job-variables'), options.cipher));
    this.runner = new JobRunner({
      docker: options.docker,
      store: this.store,
      owner: options.owner,
      dataDir: options.dataDir,
      containerFiles: options.containerFiles,
      variables: (job) => variables.get(job.uuid),
      proxyOrigin: options.proxyOrigin,
    });
    this.manager = new JobManager({
      store: this.store,
      variables,
      carryOut: this.runner.carryOut,
      now: () => new Date(),
      pipeline: options.pipeline,
      projectFolder: options.projectFolder,
      effectiveVariables: options.effectiveVariables,
      newestImage: async (projectId, environment) => newestEnvironmentImage(await options.docker(), projectId, environment),
      environmentName: options.environmentName,
      removeRunResources: async (runUuid) => removeSessionResources(await options.docker(), runUuid, 0),
      snapshotLeaveOut: async () => [options.dataDir()],
      parallelRuns: options.runsAtOnce,
      onJobChanged: (job) => options.broadcast('jobs.changed', job),
      onRunChanged: (run) => options.broadcast('jobs.runChanged', run),
      onSnapshotProgress: (progress) => options.broadcast('jobs.snapshotProgress', progress),
      onError: (error, jobUuid) => console.error(`Job ${jobUuid ?? ''}: ${error instanceof Error ? error.message : String(error)}`),
    });
  }

  /** Where the logs' requests find a job run's logs: in the run's copy of the project. */
  get runLogs(): JobRunLogs {
    return {
      logs: this.runner.logs,
      run: async (jobUuid, runUuid) => {
        const job = await this.store.readJob(jobUuid);
        await fs.access(this.store.runFolder(jobUuid, runUuid)).catch(() => {
          throw new AppError('NOT_FOUND', `The job ${job.name} has no run ${runUuid} (any more)`);
        });
        const definition = job.pipelineDefinition as PipelineDefinition;
        return { key: runLogKey(jobUuid, runUuid), pipelineUuid: job.pipelineUuid, services: jobServiceNames(definition), steps: stepTitles(definition) };
      },
    };
  }

  /** Runs that were going when the app stopped end ABORTED ("the app stopped"); then the schedules start. */
  async start(): Promise<void> {
    await this.manager.recover();
  }

  /** What job runs left in Docker that no run of this app carries out now (after a crash, an engine away at start). */
  async removeStrays(docker: Docker): Promise<string[]> {
    return removeStrayJobRuns(docker, this.options.owner, (run) => this.manager.isRunGoing(run));
  }

  dispose(): Promise<void> {
    return this.manager.dispose();
  }
}

/** The services a job run starts: those whose scope has `noninteractive`. */
function jobServiceNames(definition: PipelineDefinition): string[] {
  const services = isJsonObject(definition.services) ? Object.values(definition.services) : [];
  return services.flatMap((service) =>
    isJsonObject(service) && Array.isArray(service.scope) && service.scope.includes('noninteractive') && typeof service.name === 'string' ? [service.name] : [],
  );
}
