import type Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isGoingOn, type PipelineDocument, type PipelineRun, type RunSelection, type Session, type StepRun } from '../../contract';
import { AppError, type Disposable } from '../app-error';
import { newestEnvironmentImage } from '../environments/environment-images';
import { SerialQueue } from '../projects/serial-queue';
import type { ContainerFiles } from '../sessions/container-files';
import { planRun, type PlannedStep, type RunPlan } from './run-plan';
import { runInOrder, type StepResult } from './run-scheduler';
import { runPlannedStep, stepImage, type StepContext, type StepImage } from './run-step';
import { describeUnready, waitForServices, type Unready } from './service-wait';
import type { StepLogs } from './step-container';

export interface RunManagerOptions {
  docker(): Promise<Docker>;
  pipeline(projectId: string, relative: string): Promise<PipelineDocument>;
  /** The uuid in the pipeline file, without reading the rest. */
  pipelineUuid(projectId: string, relative: string): Promise<string>;
  projectFolder(projectId: string): Promise<string>;
  variables(projectId: string, pipelineUuid: string): Promise<Record<string, string>>;
  dataDir(): string;
  owner: string;
  containerFiles: ContainerFiles;
  logs: StepLogs;
  /** Starts the pipeline's session (if it does not run) and resolves once it runs or failed. */
  startSession(projectId: string, relative: string): Promise<Session>;
  session(projectId: string, relative: string): Promise<Session>;
  /** An environment's name, when the project has it. */
  environmentName(projectId: string, uuid: string): Promise<string | undefined>;
  onChange(run: PipelineRun): void;
}

interface RunRecord {
  run: PipelineRun;
  plan: RunPlan;
  images: Map<string, StepImage>;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * Interactive pipeline runs: one at a time per pipeline, each step a container of its environment's
 * newest image in the pipeline's session, in the order of its connections.
 */
export class RunManager implements Disposable {
  private readonly records = new Map<string, RunRecord>();
  /** Starts are taken one at a time, so that two at once cannot both begin a run. */
  private readonly queue = new SerialQueue();

  constructor(private readonly options: RunManagerOptions) {}

  async start(projectId: string, relative: string, selection: RunSelection, chosen?: string[], wait = false): Promise<PipelineRun> {
    const record = await this.queue.run(() => this.begin(projectId, relative, selection, chosen));
    if (wait) await record.done;
    return structuredClone(record.run);
  }

  private async begin(projectId: string, relative: string, selection: RunSelection, chosen?: string[]): Promise<RunRecord> {
    const document = await this.options.pipeline(projectId, relative);
    const pipelineUuid = document.definition.uuid;
    if (typeof pipelineUuid !== 'string') throw new AppError('PIPELINE_INVALID', `${relative} has no uuid`);
    const key = keyOf(projectId, pipelineUuid);
    if (isGoingOn(this.records.get(key)?.run.status)) {
      throw new AppError('CONFLICT', 'This pipeline is running already; cancel that run or wait for its end');
    }
    const plan = planRun(document, selection, chosen);
    const images = await this.environmentImages(projectId, plan);
    const run: PipelineRun = {
      runUuid: randomUUID(),
      projectId,
      pipelinePath: relative,
      pipelineUuid,
      status: 'PENDING',
      startedAt: new Date().toISOString(),
      message: 'Starting the session',
      steps: plan.steps.map((s) => ({ uuid: s.uuid, title: s.title, filePath: s.filePath, status: 'PENDING' })),
    };
    const record: RunRecord = { run, plan, images, abort: new AbortController(), done: Promise.resolve() };
    this.records.set(key, record);
    this.emit(record);
    record.done = this.execute(record).catch((error: unknown) => this.fail(record, error));
    return record;
  }

  async get(projectId: string, relative: string): Promise<PipelineRun | null> {
    const record = await this.recordOf(projectId, relative);
    return record ? structuredClone(record.run) : null;
  }

  async cancel(projectId: string, relative: string, wait = false): Promise<PipelineRun | null> {
    const record = await this.recordOf(projectId, relative);
    if (!record) return null;
    record.abort.abort();
    if (wait) await record.done;
    return structuredClone(record.run);
  }

  /** Cancels the run in a session that is about to stop, and waits for its containers to be gone. */
  async cancelInSession(session: Session): Promise<void> {
    const record = this.records.get(keyOf(session.projectId, session.pipelineUuid));
    if (!record) return;
    record.abort.abort();
    await record.done;
  }

  private async execute(record: RunRecord): Promise<void> {
    const { run, plan, abort } = record;
    const session = await this.options.startSession(run.projectId, run.pipelinePath);
    if (session.status !== 'RUNNING') throw new Error(`The session did not start: ${session.error?.message ?? session.status.toLowerCase()}`);
    const unready = await waitForServices(
      () => this.options.session(run.projectId, run.pipelinePath),
      (waiting, waited) => this.update(record, { message: `Waiting for ${describeUnready(waiting)} (${Math.round(waited / 1000)} s)` }),
      abort.signal,
    );
    const context = await this.stepContext(record, session.sessionUuid, unready);
    this.update(record, { status: 'STARTED', message: undefined });
    const removals: Promise<void>[] = [];
    const results = await runInOrder(
      plan.steps,
      plan.parallelism,
      {
        run: (uuid) => this.runStep(record, plan.steps.find((s) => s.uuid === uuid)!, context, removals),
        skip: (uuid, parent) => {
          const cause = parent ? `Not run: ${this.step(record, parent).title} did not succeed` : 'Cancelled before it started';
          this.updateStep(record, uuid, { status: 'ABORTED', message: cause });
        },
      },
      abort.signal,
    );
    await Promise.all(removals);
    const all = [...results.values()];
    const status = abort.signal.aborted ? 'ABORTED' : all.every((r) => r === 'SUCCESS') ? 'SUCCESS' : 'FAILURE';
    this.update(record, { status, finishedAt: new Date().toISOString() });
  }

  /** What every step of the run shares: the session's context, and what the services still lacked. */
  private async stepContext(record: RunRecord, sessionUuid: string, unready: Unready): Promise<StepContext> {
    const { run } = record;
    const projectDir = await this.options.projectFolder(run.projectId);
    const dataDir = this.options.dataDir();
    await fs.mkdir(dataDir, { recursive: true }); // made by the app, not by Docker as root
    return {
      session: {
        owner: this.options.owner,
        projectUuid: run.projectId,
        pipelineUuid: run.pipelineUuid,
        pipelineFile: path.join(projectDir, run.pipelinePath),
        projectDir,
        dataDir,
        variables: await this.options.variables(run.projectId, run.pipelineUuid),
        appBinds: await this.options.containerFiles.binds(sessionUuid),
      },
      sessionUuid,
      runUuid: run.runUuid,
      unready,
    };
  }

  private async runStep(record: RunRecord, step: PlannedStep, context: StepContext, removals: Promise<void>[]): Promise<StepResult> {
    const { run, abort } = record;
    return runPlannedStep(step, {
      docker: await this.options.docker(),
      logs: this.options.logs,
      target: { projectId: run.projectId, pipelineUuid: run.pipelineUuid, source: step.uuid },
      context,
      image: record.images.get(step.environment)!,
      signal: abort.signal,
      removals,
      update: (patch) => this.updateStep(record, step.uuid, patch),
    });
  }

  /** The newest build of every environment the run's steps use; refused before anything starts when one has none. */
  private async environmentImages(projectId: string, plan: RunPlan): Promise<Map<string, StepImage>> {
    const docker = await this.options.docker();
    const images = new Map<string, StepImage>();
    for (const uuid of new Set(plan.steps.map((s) => s.environment))) {
      const name = await newestEnvironmentImage(docker, projectId, uuid);
      if (!name) throw await this.unbuilt(projectId, uuid, plan.steps.filter((s) => s.environment === uuid));
      images.set(uuid, await stepImage(docker, name));
    }
    return images;
  }

  private async unbuilt(projectId: string, uuid: string, steps: PlannedStep[]): Promise<AppError> {
    const titles = steps.map((s) => `'${s.title}'`).join(', ');
    const who = steps.length > 1 ? `Steps ${titles} use` : `Step ${titles} uses`;
    const name = await this.options.environmentName(projectId, uuid).catch(() => undefined);
    const what = name ? `the environment '${name}', which has no successful build yet; build it, then run` : `the environment ${uuid}, which this project does not have; choose another for ${steps.length > 1 ? 'them' : 'it'}`;
    return new AppError('NOT_FOUND', `${who} ${what}`, 'environment');
  }

  private fail(record: RunRecord, error: unknown): void {
    const aborted = record.abort.signal.aborted;
    const message = aborted ? 'Cancelled' : error instanceof Error ? error.message : String(error);
    for (const step of record.run.steps) {
      if (step.status === 'PENDING') Object.assign(step, { status: 'ABORTED', message: aborted ? 'Cancelled before it started' : 'Not run: the run did not start' });
    }
    this.update(record, { status: aborted ? 'ABORTED' : 'FAILURE', message, finishedAt: new Date().toISOString() });
  }

  private step(record: RunRecord, uuid: string): StepRun {
    return record.run.steps.find((s) => s.uuid === uuid)!;
  }

  private updateStep(record: RunRecord, uuid: string, patch: Partial<StepRun>): void {
    Object.assign(this.step(record, uuid), patch);
    this.emit(record);
  }

  private update(record: RunRecord, patch: Partial<PipelineRun>): void {
    Object.assign(record.run, patch);
    if ('message' in patch && patch.message === undefined) delete record.run.message;
    this.emit(record);
  }

  private emit(record: RunRecord): void {
    this.options.onChange(structuredClone(record.run));
  }

  private async recordOf(projectId: string, relative: string): Promise<RunRecord | undefined> {
    const known = [...this.records.values()].find((r) => r.run.projectId === projectId && r.run.pipelinePath === relative);
    if (known) return known;
    return this.records.get(keyOf(projectId, await this.options.pipelineUuid(projectId, relative)));
  }

  /** Cancels every run and waits for their containers to be gone. */
  async dispose(): Promise<void> {
    for (const record of this.records.values()) record.abort.abort();
    await Promise.all([...this.records.values()].map((r) => r.done));
  }
}

function keyOf(projectId: string, pipelineUuid: string): string {
  return `${projectId}/${pipelineUuid}`;
}
