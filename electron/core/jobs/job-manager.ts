import { randomUUID } from 'node:crypto';
import type { JobCreateInput, JobDetails, JobPreview, JobRun, JobSettings, JobSnapshotProgress, JobSummary, PipelineDefinition } from '../../contract';
import { AppError, type Disposable } from '../app-error';
import { gridRows, runParameters } from './job-grid';
import type { JobRecord, RunRecord } from './job-records';
import type { CarryOutRun } from './job-run-types';
import { JobRunPool } from './job-run-pool';
import { JobRunWriter } from './job-run-writer';
import { checkSchedule, firstScheduledTime, nextTimes, paused, resumed, type Tick } from './job-schedule';
import { JobScheduler, type ScheduledJob } from './job-scheduler';
import { lockEnvironmentImages, takeSnapshot } from './job-start';
import { assertJobMove, canPauseJob, canRunNow, isJobFinished, isRunFinished, oneOffJobStatus } from './job-states';
import type { JobStore } from './job-store';
import { jobSummary } from './job-summary';
import { draftJob, duplicatedJob, editedJob } from './job-drafts';
import type { JobVariables } from './job-variables';
import { mapLimited } from './map-limited';
import { LARGE_SNAPSHOT_BYTES, measureProject } from './project-snapshot';

export interface JobManagerOptions {
  store: JobStore;
  /** The job's variables' values (the app's secret store). */
  variables: Pick<JobVariables, 'get' | 'set' | 'forget'>;
  /** Carries one run out (the job runner); never starts containers here. */
  carryOut: CarryOutRun;
  now(): Date;
  /** The pipeline as its file is now, and the rules of Orchest it breaks (as `pipelines validate` says). */
  pipeline(projectId: string, path: string): Promise<{ definition: PipelineDefinition; issues?: ReadonlyArray<{ path: string; message: string }> }>;
  projectFolder(projectId: string): Promise<string>;
  /** What the project's pipeline steps see today: the job's variables start as a copy of it. */
  effectiveVariables(projectId: string, pipelineUuid: string): Promise<Record<string, string>>;
  /** The environment's newest built image, undefined before its first build. */
  newestImage(projectId: string, environmentUuid: string): Promise<string | undefined>;
  environmentName?(projectId: string, environmentUuid: string): Promise<string | undefined>;
  /** Removes what a run left in Docker (its session is named by the run's uuid). */
  removeRunResources(runUuid: string): Promise<void>;
  /** Absolute folders a snapshot leaves out (the workspace's data folder when it is in the project). */
  snapshotLeaveOut?(projectId: string): Promise<string[]>;
  /** Runs of one job at once; default 1. */
  parallelRuns?(): number;
  onJobChanged?(job: JobSummary & { deleted?: boolean }): void;
  onRunChanged?(run: JobRun): void;
  onSnapshotProgress?(progress: JobSnapshotProgress): void;
  onError?(error: unknown, jobUuid?: string): void;
  schedulerIntervalMs?: number;
  /** How long a run's changes are gathered before they are written (finished runs are written at once). */
  writeDelayMs?: number;
}

/** Jobs' lifecycle as Orchest's: drafts, Start (snapshot, locked images), batches of runs, cancel, retention. */
export class JobManager implements Disposable {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly runs = new Map<string, Map<string, RunRecord>>();
  private readonly pool: JobRunPool;
  /** Starts going on (their snapshot being copied), to abort and wait for. */
  private readonly starting = new Map<string, { abort: AbortController; ended: Promise<unknown> }>();
  private readonly writer: JobRunWriter;
  private readonly scheduler: JobScheduler;
  private mutations: Promise<unknown> = Promise.resolve();
  private loaded: Promise<void> | undefined;
  private stopping = false;

  constructor(private readonly options: JobManagerOptions) {
    this.writer = new JobRunWriter(options.store, (error, jobUuid) => this.reportError(error, jobUuid), options.writeDelayMs);
    this.scheduler = new JobScheduler({
      now: options.now,
      jobs: () => this.scheduled(),
      fire: (job, tick) => this.fire(job.uuid, tick),
      onError: (error, jobUuid) => this.reportError(error, jobUuid),
      intervalMs: options.schedulerIntervalMs,
    });
    this.pool = new JobRunPool({
      carryOut: options.carryOut,
      writer: this.writer,
      now: options.now,
      parallelRuns: options.parallelRuns,
      job: (jobUuid) => this.jobs.get(jobUuid),
      changed: (run) => {
        this.runs.get(run.jobUuid)?.set(run.uuid, run);
        this.emitRun(run);
      },
      ended: (jobUuid) => this.afterRuns(jobUuid),
      onError: (error, jobUuid) => this.reportError(error, jobUuid),
    });
  }

  /**
   * At app start: runs that were going are ABORTED ("the app stopped") and what they left in Docker is
   * removed; runs still pending take their turn again; then the scheduler starts (a missed cron time fires once).
   */
  async recover(): Promise<void> {
    await this.load();
    const aborted = await this.options.store.abortInterrupted(this.options.now());
    for (const run of aborted) {
      this.runs.get(run.jobUuid)?.set(run.uuid, run);
      this.emitRun(run);
      await this.options.removeRunResources(run.uuid).catch((error: unknown) => this.reportError(error, run.jobUuid));
    }
    for (const job of this.jobs.values()) {
      const runs = await this.runsOf(job.uuid);
      const pending = [...runs.values()].filter((run) => run.status === 'PENDING').sort((a, b) => a.runIndex - b.runIndex);
      if (isJobFinished(job.status)) {
        for (const run of pending) {
          const ended: RunRecord = { ...run, status: 'ABORTED', reason: 'The job had ended', finishedAt: this.nowIso() };
          await this.writer.put(ended, true);
          runs.set(ended.uuid, ended);
          this.emitRun(ended);
        }
      } else if (pending.length > 0) this.pool.enqueue(job.uuid, pending);
      await this.settleOneOff(job.uuid);
    }
    this.scheduler.start();
  }

  async list(projectId: string): Promise<JobSummary[]> {
    await this.load();
    const jobs = [...this.jobs.values()].filter((job) => job.projectId === projectId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return Promise.all(jobs.map((job) => this.summary(job)));
  }

  async get(jobUuid: string): Promise<JobDetails> {
    return this.details(await this.job(jobUuid));
  }

  async create(input: JobCreateInput): Promise<JobDetails> {
    await this.load();
    const { definition } = await this.options.pipeline(input.projectId, input.path);
    const effective = typeof definition.uuid === 'string' ? await this.options.effectiveVariables(input.projectId, definition.uuid) : {};
    const variables = { ...effective, ...input.variables };
    const job = draftJob(input, definition, Object.keys(variables), this.options.now());
    await this.options.variables.set(job.uuid, variables);
    await this.save(job);
    return this.details(job);
  }

  /** A draft's settings, or a live cron job's (its grid then applies to the pipeline frozen at Start). */
  async update(jobUuid: string, patch: Partial<JobSettings>): Promise<JobDetails> {
    const job = await this.mutate(jobUuid, async (job) => {
      const definition = job.status === 'DRAFT' && (patch.grid || patch.leftOut) ? await this.definitionOf(job) : job.pipelineDefinition;
      const next = editedJob(job, patch, definition, this.options.now());
      if (patch.variables !== undefined) await this.options.variables.set(job.uuid, patch.variables);
      return next;
    });
    return this.details(job);
  }

  /**
   * Start: locks the newest image of each environment the run uses (refused when one has no build),
   * freezes the pipeline and the runs' parameters, snapshots the project, then the job is live.
   */
  async start(jobUuid: string): Promise<JobSummary> {
    const draft = await this.job(jobUuid);
    if (draft.status !== 'DRAFT') throw new AppError('CONFLICT', `The job is ${draft.status} already; only a draft is started`);
    if (this.starting.has(jobUuid)) throw new AppError('CONFLICT', 'The job is starting already');
    checkSchedule(draft.schedule, this.options.now());
    const abort = new AbortController();
    const starting = this.begin(draft, abort);
    this.starting.set(jobUuid, { abort, ended: starting.catch(() => undefined) });
    try {
      return await starting;
    } finally {
      this.starting.delete(jobUuid);
    }
  }

  /** Start's work: images, snapshot, then the job goes live (and a job that runs now fires). */
  private async begin(draft: JobRecord, abort: AbortController): Promise<JobSummary> {
    const definition = await this.definitionOf(draft, true);
    const parameters = runParameters(definition, draft.grid, draft.leftOut);
    const environmentImages = await lockEnvironmentImages(draft.projectId, definition, this.options.newestImage, this.options.environmentName);
    const snapshot = await takeSnapshot({
      projectDir: await this.options.projectFolder(draft.projectId),
      target: this.options.store.snapshotFolder(draft.uuid),
      leaveOut: (await this.options.snapshotLeaveOut?.(draft.projectId)) ?? [],
      signal: abort.signal,
      onProgress: (progress) => this.options.onSnapshotProgress?.({ jobUuid: draft.uuid, ...progress }),
    });
    const job = await this.mutate(draft.uuid, (job) => {
      if (job.status !== 'DRAFT') throw new AppError('CONFLICT', `The job became ${job.status} while it was starting`);
      const status = job.schedule.kind === 'now' ? 'STARTED' : 'PENDING';
      assertJobMove(job.status, status);
      return {
        ...job,
        status,
        parameters,
        pipelineDefinition: definition,
        environmentImages,
        snapshot,
        nextScheduledTime: firstScheduledTime(job.schedule, this.options.now()),
      };
    });
    if (job.schedule.kind === 'now') await this.fire(draft.uuid, { fire: true, missed: 1, nextScheduledTime: null });
    return this.summary(await this.job(draft.uuid));
  }

  async pause(jobUuid: string): Promise<JobSummary> {
    const job = await this.mutate(jobUuid, (job) => {
      if (!canPauseJob(job.status, job.schedule.kind === 'cron')) throw new AppError('CONFLICT', `A job that is ${job.status} cannot be paused; only a live cron job can`);
      return { ...job, nextScheduledTime: paused(job).nextScheduledTime, status: 'PAUSED' };
    });
    return this.summary(job);
  }

  async resume(jobUuid: string): Promise<JobSummary> {
    const job = await this.mutate(jobUuid, (job) => {
      if (job.status !== 'PAUSED') throw new AppError('CONFLICT', `The job is ${job.status}; only a paused job is resumed`);
      return { ...job, nextScheduledTime: resumed(job, this.options.now()).nextScheduledTime, status: 'STARTED' };
    });
    return this.summary(job);
  }

  /** One extra batch of a cron job's runs, now; its schedule stays as it is. */
  async runNow(jobUuid: string): Promise<JobSummary> {
    const job = await this.job(jobUuid);
    if (!canRunNow(job.status, job.schedule.kind === 'cron')) throw new AppError('CONFLICT', `A job that is ${job.status} cannot run now; only a cron job that has not ended can`);
    await this.batch(jobUuid, undefined);
    return this.summary(await this.job(jobUuid));
  }

  /** Cancels one run, or the whole job: its pending runs end ABORTED at once, going ones are stopped. */
  async cancel(jobUuid: string, runUuid?: string): Promise<JobSummary> {
    const job = await this.job(jobUuid);
    if (runUuid !== undefined) {
      const run = (await this.runsOf(jobUuid)).get(runUuid);
      if (!run) throw new AppError('NOT_FOUND', `The job has no run ${runUuid}`);
      if (isRunFinished(run.status)) throw new AppError('CONFLICT', `The run is ${run.status} already`);
      await this.pool.cancel(jobUuid, runUuid);
      return this.summary(await this.job(jobUuid));
    }
    if (job.status === 'DRAFT' || isJobFinished(job.status)) throw new AppError('CONFLICT', `A job that is ${job.status} cannot be cancelled`);
    await this.mutate(jobUuid, (current) => {
      assertJobMove(current.status, 'ABORTED');
      return { ...current, status: 'ABORTED', nextScheduledTime: null, reason: 'Cancelled' };
    });
    await this.pool.cancel(jobUuid);
    return this.summary(await this.job(jobUuid));
  }

  /** A new draft with the same settings and variables; its Start takes a fresh snapshot and fresh images. */
  async duplicate(jobUuid: string): Promise<JobDetails> {
    const copy = duplicatedJob(await this.job(jobUuid), this.options.now());
    await this.options.variables.set(copy.uuid, await this.options.variables.get(jobUuid));
    await this.save(copy);
    return this.details(copy);
  }

  /** Cancels the job, removes its folder and variables; answers the locked images no other job uses. */
  async delete(jobUuid: string): Promise<{ releasedImages: string[] }> {
    const job = await this.job(jobUuid);
    const starting = this.starting.get(jobUuid);
    starting?.abort.abort();
    await starting?.ended;
    await this.mutate(jobUuid, (current) => ({ ...current, status: isJobFinished(current.status) || current.status === 'DRAFT' ? current.status : 'ABORTED', nextScheduledTime: null }));
    await this.pool.cancel(jobUuid);
    await this.pool.settled(jobUuid);
    const last = await this.summary(await this.job(jobUuid));
    await this.writer.drop((this.runs.get(jobUuid) ?? new Map<string, RunRecord>()).keys());
    await this.serially(async () => {
      this.jobs.delete(jobUuid);
      this.runs.delete(jobUuid);
      this.pool.forget(jobUuid);
      await this.options.store.removeJob(jobUuid);
    });
    await this.options.variables.forget(jobUuid).catch((error: unknown) => this.reportError(error, jobUuid));
    const stillLocked = await this.lockedImages();
    this.options.onJobChanged?.({ ...last, deleted: true });
    return { releasedImages: [...new Set(Object.values(job.environmentImages))].filter((image) => !stillLocked.has(image)).sort() };
  }

  /** The images locked by jobs that can still run: the environments' pruning keeps them. */
  async lockedImages(): Promise<Set<string>> {
    await this.load();
    const locked = new Set<string>();
    for (const job of this.jobs.values()) {
      if (!isJobFinished(job.status)) for (const image of Object.values(job.environmentImages)) locked.add(image);
    }
    return locked;
  }

  /** A page of the job's runs, newest first. */
  async listRuns(jobUuid: string, status: RunRecord['status'] | undefined, offset: number, limit: number): Promise<{ total: number; runs: JobRun[] }> {
    await this.job(jobUuid);
    const all = [...(await this.runsOf(jobUuid)).values()].filter((run) => !status || run.status === status).sort((a, b) => b.runIndex - a.runIndex);
    return { total: all.length, runs: all.slice(offset, offset + limit) };
  }

  async run(jobUuid: string, runUuid: string): Promise<JobRun> {
    await this.job(jobUuid);
    const run = (await this.runsOf(jobUuid)).get(runUuid);
    if (!run) throw new AppError('NOT_FOUND', `The job has no run ${runUuid}`);
    return run;
  }

  /** The folder of a kept run's copy of the project (its steps' outputs beside the code). */
  async runProjectFolder(jobUuid: string, runUuid: string): Promise<string> {
    await this.run(jobUuid, runUuid);
    return this.options.store.runProjectFolder(jobUuid, runUuid);
  }

  /** The grid's rows (with those left out marked) and what a snapshot would copy now. */
  async preview(projectId: string, path: string, grid: Record<string, unknown[]>, leftOut: number[]): Promise<JobPreview> {
    const { definition } = await this.options.pipeline(projectId, path);
    const rows = gridRows(definition, grid);
    const runs = runParameters(definition, grid, leftOut).length;
    const skipped = new Set(leftOut);
    const folder = await this.options.projectFolder(projectId);
    const size = await measureProject(folder, { leaveOut: (await this.options.snapshotLeaveOut?.(projectId)) ?? [] });
    return {
      rows: rows.map((row) => ({ ...row, leftOut: skipped.has(row.index) })),
      runs,
      snapshot: { files: size.files, bytes: size.bytes, large: size.bytes > LARGE_SNAPSHOT_BYTES },
    };
  }

  /** Whether the run is being carried out now (its containers are not strays). */
  isRunGoing(runUuid: string): boolean {
    return this.pool.isGoing(runUuid);
  }

  /** One look of the scheduler now (it also looks every interval once recover() started it). */
  checkSchedules(): Promise<void> {
    return this.scheduler.check();
  }

  /** Stops the scheduler and the runs (they end ABORTED, "the app stopped"), and waits for them. */
  async dispose(): Promise<void> {
    this.stopping = true;
    await this.scheduler.dispose();
    for (const starting of this.starting.values()) starting.abort.abort();
    await Promise.all([...this.starting.values()].map((starting) => starting.ended));
    await this.pool.stop();
    await this.writer.dispose();
    await this.mutations;
  }

  // -- batches and runs --

  /** The scheduler's firing: the job's next time is stored, and one batch of runs starts. */
  private async fire(jobUuid: string, tick: Tick): Promise<void> {
    await this.batch(jobUuid, tick);
  }

  /** One run per parameter row, stored PENDING, then carried out at most N at once. */
  private async batch(jobUuid: string, tick: Tick | undefined): Promise<void> {
    if (this.stopping) return;
    const made: RunRecord[] = [];
    await this.mutate(jobUuid, (job) => {
      if (tick && (job.status === 'PAUSED' || job.nextScheduledTime === null || isJobFinished(job.status))) return job;
      const now = this.nowIso();
      job.parameters.forEach((parameters, indexInBatch) =>
        made.push({ uuid: randomUUID(), jobUuid, status: 'PENDING', parameters, batch: job.batches, indexInBatch, runIndex: job.runsMade + indexInBatch, createdAt: now, steps: {} }),
      );
      const status = job.status === 'PENDING' ? 'STARTED' : job.status;
      return {
        ...job,
        status,
        batches: job.batches + 1,
        runsMade: job.runsMade + made.length,
        ...(tick ? { nextScheduledTime: tick.nextScheduledTime, lastScheduledTime: now } : {}),
      };
    });
    if (made.length === 0) return;
    const runs = await this.runsOf(jobUuid);
    await mapLimited(made, 16, (run) => this.options.store.writeRun(run));
    for (const run of made) {
      runs.set(run.uuid, run);
      this.emitRun(run);
    }
    this.pool.enqueue(jobUuid, made);
  }

  /** Retention, and the one-off job's end once its runs ended. */
  private async afterRuns(jobUuid: string): Promise<void> {
    const job = this.jobs.get(jobUuid);
    if (!job) return;
    const removed = await this.serially(() => this.options.store.applyRetention(jobUuid, job.maxRetainedRuns));
    for (const run of removed) this.runs.get(jobUuid)?.delete(run.uuid);
    await this.settleOneOff(jobUuid);
  }

  private async settleOneOff(jobUuid: string): Promise<void> {
    const job = this.jobs.get(jobUuid);
    if (!job || job.schedule.kind === 'cron' || job.status !== 'STARTED' || this.stopping) return;
    const runs = [...(await this.runsOf(jobUuid)).values()];
    if (job.batches === 0) return;
    const status = oneOffJobStatus(job.status, runs);
    if (status !== job.status) await this.mutate(jobUuid, (current) => ({ ...current, status: oneOffJobStatus(current.status, runs) }));
  }

  // -- records --

  private async load(): Promise<void> {
    this.loaded ??= (async () => {
      const { records, problems } = await this.options.store.listJobs();
      for (const job of records) this.jobs.set(job.uuid, job);
      for (const problem of problems) this.reportError(new Error(`${problem.file} ${problem.message}`));
    })();
    return this.loaded;
  }

  private async job(jobUuid: string): Promise<JobRecord> {
    await this.load();
    const job = this.jobs.get(jobUuid);
    if (!job) throw new AppError('NOT_FOUND', `There is no job ${jobUuid}`);
    return job;
  }

  private async runsOf(jobUuid: string): Promise<Map<string, RunRecord>> {
    let runs = this.runs.get(jobUuid);
    if (!runs) {
      const listed = await this.options.store.listRuns(jobUuid);
      runs = this.runs.get(jobUuid) ?? new Map(listed.records.map((run) => [run.uuid, run]));
      this.runs.set(jobUuid, runs);
    }
    return runs;
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const result = this.mutations.then(task, task);
    this.mutations = result.catch(() => undefined);
    return result;
  }

  /** Changes a job's record one change at a time, stores it, and tells the listeners. */
  private mutate(jobUuid: string, change: (job: JobRecord) => JobRecord | Promise<JobRecord>): Promise<JobRecord> {
    return this.serially(async () => {
      const job = await this.job(jobUuid);
      const next = await change(job);
      if (next !== job) await this.save(next);
      return next;
    });
  }

  private async save(job: JobRecord): Promise<void> {
    await this.options.store.writeJob(job);
    this.jobs.set(job.uuid, job);
    this.runs.set(job.uuid, this.runs.get(job.uuid) ?? (job.runsMade === 0 ? new Map() : await this.runsOf(job.uuid)));
    this.options.onJobChanged?.(await this.summary(job));
  }

  private async scheduled(): Promise<ScheduledJob[]> {
    await this.load();
    return [...this.jobs.values()]
      .filter((job) => (job.status === 'PENDING' || job.status === 'STARTED') && job.nextScheduledTime !== null)
      .map((job) => ({ uuid: job.uuid, state: { schedule: job.schedule, nextScheduledTime: job.nextScheduledTime } }));
  }

  private async summary(job: JobRecord): Promise<JobSummary> {
    return jobSummary(job, (await this.runsOf(job.uuid)).values());
  }

  private async details(job: JobRecord): Promise<JobDetails> {
    let runsPerBatch = job.parameters.length;
    if (job.status === 'DRAFT') {
      runsPerBatch = await this.definitionOf(job).then((definition) => runParameters(definition, job.grid, job.leftOut).length, () => 0);
    }
    return {
      ...(await this.summary(job)),
      grid: job.grid,
      leftOut: job.leftOut,
      runsPerBatch,
      variables: await this.options.variables.get(job.uuid),
      environmentImages: job.environmentImages,
      nextTimes: job.schedule.kind === 'cron' ? nextTimes(job.schedule.cron, this.options.now()).map((time) => time.toISOString()) : [],
      pipelineDefinition: job.status === 'DRAFT' ? null : job.pipelineDefinition,
    };
  }

  /** The pipeline as its file is now; for a Start, one that breaks Orchest's rules is refused, saying which. */
  private async definitionOf(job: JobRecord, toStart = false): Promise<PipelineDefinition> {
    const { definition, issues = [] } = await this.options.pipeline(job.projectId, job.pipelinePath);
    if (definition.uuid !== job.pipelineUuid) throw new AppError('CONFLICT', `${job.pipelinePath} is another pipeline now (its uuid changed)`, 'pipeline');
    if (toStart && issues.length > 0) {
      const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      throw new AppError('PIPELINE_INVALID', `Fix the pipeline before starting a job of it: ${listed}`, 'pipeline');
    }
    return definition;
  }

  private emitRun(run: RunRecord): void {
    this.options.onRunChanged?.(run);
  }

  private nowIso(): string {
    return this.options.now().toISOString();
  }

  private reportError(error: unknown, jobUuid?: string): void {
    if (this.options.onError) this.options.onError(error, jobUuid);
    else console.error(`Jobs${jobUuid ? ` (${jobUuid})` : ''}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
