import type Docker from 'dockerode';
import type { ServiceStats, Session, SessionService } from '../../contract';
import { AppError, type Disposable } from '../app-error';
import { STOP_GRACE_SECONDS } from '../docker/containers';
import { dockerErrorText, dockerStatusCode } from '../docker/docker-error';
import { SerialQueue } from '../projects/serial-queue';
import { PortReadiness } from './port-readiness';
import { observeService } from './service-observation';
import { statsOf } from './service-stats';
import { StatsStreams } from './stats-streams';
import { sessionUuidOf } from './session-identity';
import { prepareSession, type SessionSources } from './session-input';
import { launchSession, removeSessionResources, ServiceStartError, type ServiceLogs, type ServicePatch } from './session-launcher';
import { launchingSession, snapshot, stoppedSession, type SessionKey } from './session-snapshot';

export interface SessionManagerOptions {
  /** The engine's client; throws DOCKER_UNAVAILABLE when it does not answer. */
  docker(): Promise<Docker>;
  sources: SessionSources;
  logs: ServiceLogs;
  /** The pipeline file's uuid, read from disk. */
  pipelineUuid(projectId: string, relative: string): Promise<string>;
  onChange(session: Session): void;
  /** Runs before a session stops (its pipeline run is cancelled). */
  beforeStop?(session: Session): Promise<void>;
  /** Adds what others know of a session to what callers see (the proxy's URLs). */
  present?(session: Session): Session;
}

interface SessionRecord {
  session: Session;
  /** Settles when the launch has ended, RUNNING or FAILED. */
  launch?: Promise<void>;
  /** Settles when the session is gone. */
  stop?: Promise<void>;
  readiness?: PortReadiness;
  /** When the app took the session on (started or adopted it). */
  since: number;
}

/**
 * The interactive sessions: one per (project, pipeline), started, stopped and watched here.
 * Requests that change a session are taken one at a time; the Docker work runs behind them, so
 * that a second start finds the first one LAUNCHING and returns it.
 */
export class SessionManager implements Disposable {
  private readonly records = new Map<string, SessionRecord>();
  private readonly queue = new SerialQueue();
  /** Looks at the engine are numbered, so that an answer overtaken by a later look is not applied. */
  private looks = 0;
  private readonly lastLook = new WeakMap<SessionService, number>();
  /** When each session's last stop ended (Infinity while one runs): a look at the engine before then is stale. */
  private readonly stoppedAt = new Map<string, number>();

  constructor(private readonly options: SessionManagerOptions) {}

  list(): Session[] {
    return [...this.records.values()].map((r) => this.view(r.session));
  }

  async get(projectId: string, relative: string): Promise<Session> {
    const key = await this.keyOf(projectId, relative);
    const record = this.records.get(key.sessionUuid);
    return record ? this.view(record.session) : stoppedSession(key);
  }

  async start(projectId: string, relative: string, wait = false): Promise<Session> {
    const record = await this.queue.run(() => this.begin(projectId, relative));
    if (wait) await record.launch;
    return this.view(record.session);
  }

  async stop(projectId: string, relative: string, wait = false): Promise<Session> {
    const { key, done } = await this.queue.run(() => this.end(projectId, relative));
    if (wait) await done;
    const record = this.records.get(key.sessionUuid);
    return record ? this.view(record.session) : stoppedSession(key);
  }

  async restart(projectId: string, relative: string, wait = false): Promise<Session> {
    await this.stop(projectId, relative, true);
    return this.start(projectId, relative, wait);
  }

  /** Restarts one service's container as Docker does (stop with the grace period, start), then reads it again. */
  async restartService(projectId: string, relative: string, serviceName: string): Promise<Session> {
    const docker = await this.options.docker();
    const key = await this.keyOf(projectId, relative);
    const record = this.records.get(key.sessionUuid);
    if (record?.session.status !== 'RUNNING') throw new AppError('CONFLICT', 'The session is not running: start it first');
    const service = record.session.services.find((s) => s.name === serviceName);
    if (!service) throw new AppError('NOT_FOUND', `The session has no service ${serviceName}`, 'service');
    if (service.state === 'removed') throw new AppError('CONFLICT', `${serviceName}'s container was removed: restart the session`, 'service');
    await docker.getContainer(service.containerName).restart({ t: STOP_GRACE_SECONDS });
    await this.observe(key.sessionUuid, serviceName, docker);
    this.resumeLogs(record.session, service, docker); // its log stream ended with the stop
    return this.view(record.session);
  }

  /** Each running service's CPU and memory now: one sample of Docker's stats each, by service name. */
  async stats(projectId: string, relative: string): Promise<Record<string, ServiceStats>> {
    const session = await this.get(projectId, relative);
    const running = session.services.filter((s) => s.state === 'running');
    if (running.length === 0) return {};
    const docker = await this.options.docker();
    const samples = await Promise.all(
      running.map(async (s) => [s.name, await docker.getContainer(s.containerName).stats({ stream: false }).catch(() => undefined)] as const),
    );
    return Object.fromEntries(samples.flatMap(([name, sample]) => (sample ? [[name, statsOf(sample)]] : [])));
  }

  /** Docker's stats of the session's running services, as they come, until disposed. */
  async watchStats(projectId: string, relative: string, onStats: (service: string, stats: ServiceStats) => void): Promise<Disposable> {
    return new StatsStreams(await this.options.docker(), () => this.get(projectId, relative), onStats);
  }

  private async begin(projectId: string, relative: string): Promise<SessionRecord> {
    const docker = await this.options.docker();
    const sessionUuid = (await this.keyOf(projectId, relative)).sessionUuid;
    await this.records.get(sessionUuid)?.stop;
    const existing = this.records.get(sessionUuid);
    if (existing && (existing.session.status === 'LAUNCHING' || existing.session.status === 'RUNNING')) return existing;
    const prepared = await prepareSession(this.options.sources, docker, projectId, relative);
    const key = { projectId, pipelineUuid: prepared.pipelineUuid, pipelinePath: relative, sessionUuid: prepared.plan.sessionUuid };
    const record: SessionRecord = { session: launchingSession(key, prepared), since: Date.now() };
    this.records.set(key.sessionUuid, record);
    this.emit(record);
    record.launch = launchSession(
      docker,
      prepared,
      this.options.logs,
      (service, patch) => this.patchService(record, service, patch),
      (service) => this.observe(key.sessionUuid, service, docker),
    ).then(
      () => this.running(record),
      (error: unknown) => this.failed(record, error),
    );
    return record;
  }

  private async end(projectId: string, relative: string): Promise<{ key: SessionKey; done: Promise<void> }> {
    const docker = await this.options.docker();
    const key = await this.keyOf(projectId, relative);
    const record = this.records.get(key.sessionUuid);
    if (record?.stop) return { key, done: record.stop };
    if (!record) return { key, done: this.stopping(key.sessionUuid, removeSessionResources(docker, key.sessionUuid)) }; // leftovers, if any
    const done = this.stopping(key.sessionUuid, (async () => {
      await record.launch;
      await this.options.beforeStop?.(this.view(record.session)).catch(() => undefined);
      this.setStatus(record, 'STOPPING');
      record.readiness?.dispose();
      record.session.services.forEach((s) => (s.state = 'stopping'));
      this.emit(record);
      try {
        await removeSessionResources(docker, key.sessionUuid);
        await this.options.sources.containerFiles.removeSession(key.sessionUuid).catch(() => undefined);
        this.records.delete(key.sessionUuid);
        this.options.onChange(stoppedSession(record.session));
      } catch (error) {
        record.session.error = { message: `Stopping failed: ${dockerErrorText(error)}` };
        this.setStatus(record, 'FAILED');
        this.emit(record);
      } finally {
        record.stop = undefined;
      }
    })());
    record.stop = done;
    return { key, done };
  }

  /** Marks a session as being stopped until `removal` settles, so that no look at the engine taken meanwhile brings it back. */
  private stopping(sessionUuid: string, removal: Promise<void>): Promise<void> {
    this.stoppedAt.set(sessionUuid, Infinity);
    return removal.finally(() => this.stoppedAt.set(sessionUuid, Date.now()));
  }

  /** Takes a session found on the engine (see session-adoption) as RUNNING, its logs going on where they stopped. */
  adopt(session: Session, docker: Docker): void {
    const existing = this.records.get(session.sessionUuid);
    if (existing && existing.session.status !== 'RUNNING') return; // being started or stopped here
    existing?.readiness?.dispose();
    const record: SessionRecord = { session, since: Date.now() };
    this.records.set(session.sessionUuid, record);
    this.watchPorts(record);
    this.emit(record);
    for (const service of session.services) this.resumeLogs(session, service, docker);
  }

  private resumeLogs(session: Session, service: Session['services'][number], docker: Docker): void {
    const target = { projectId: session.projectId, pipelineUuid: session.pipelineUuid, source: service.name };
    void this.options.logs.follow(target, docker.getContainer(service.containerName), true).catch(() => undefined);
  }

  /** Drops sessions shown as running whose containers were not on the engine when it was looked at. */
  forgetMissing(presentSessionUuids: Set<string>, lookedAt: number): void {
    for (const [uuid, record] of this.records) {
      if (record.session.status !== 'RUNNING' || record.since > lookedAt || presentSessionUuids.has(uuid)) continue;
      record.readiness?.dispose();
      this.records.delete(uuid);
      this.options.onChange(stoppedSession(record.session));
    }
  }

  /**
   * Whether the app is starting or stopping this session, or took it on or stopped it after `since`:
   * what the engine showed at `since` is not the session any more, and adoption leaves it alone.
   */
  busy(sessionUuid: string, since: number): boolean {
    if ((this.stoppedAt.get(sessionUuid) ?? -Infinity) >= since) return true;
    const record = this.records.get(sessionUuid);
    if (!record) return false;
    return record.session.status === 'LAUNCHING' || record.stop !== undefined || record.since >= since;
  }

  /** Whether the app has told the user this session failed: whatever the engine still has of it is to go. */
  isFailed(sessionUuid: string): boolean {
    return this.records.get(sessionUuid)?.session.status === 'FAILED';
  }

  /**
   * Reads a started service's container from the engine into the session: after the app starts it,
   * and after every event of it (start, die, oom, destroy, health). The one writer of such a state.
   */
  async observe(sessionUuid: string, serviceName: string, docker: Docker): Promise<void> {
    const look = ++this.looks;
    const record = this.records.get(sessionUuid);
    const service = record?.session.services.find((s) => s.name === serviceName);
    if (!record || !service || !isObservable(record.session, service)) return;
    const info = await docker
      .getContainer(service.containerName)
      .inspect()
      .then(
        (found) => ({ found }),
        (error: unknown) => (dockerStatusCode(error) === 404 ? { found: undefined } : undefined),
      );
    if (!info || this.records.get(sessionUuid) !== record || !isObservable(record.session, service)) return;
    if (look < (this.lastLook.get(service) ?? 0)) return;
    this.lastLook.set(service, look);
    const wasRunning = service.state === 'running';
    for (const field of OBSERVED_FIELDS) delete service[field];
    Object.assign(service, observeService(service, info.found));
    if (service.state === 'running' && !wasRunning && record.session.status === 'RUNNING') this.resumeLogs(record.session, service, docker);
    this.emit(record);
  }

  /** A service's log began to fail to be written, or works again: said on its row. */
  logProblem(projectId: string, pipelineUuid: string, serviceName: string, problem: string | undefined): void {
    const record = [...this.records.values()].find((r) => r.session.projectId === projectId && r.session.pipelineUuid === pipelineUuid);
    const service = record?.session.services.find((s) => s.name === serviceName);
    if (!record || !service) return;
    if (problem) service.logsNotWritten = problem;
    else delete service.logsNotWritten;
    this.emit(record);
  }

  /** Stops the sessions that match, such as those of a deleted project or pipeline. */
  async stopWhere(match: (session: Session) => boolean): Promise<void> {
    const sessions = [...this.records.values()].map((r) => r.session).filter(match);
    await Promise.allSettled(sessions.map((s) => this.stop(s.projectId, s.pipelinePath, true)));
  }

  /** Stops every session (on quit), or only lets go of them when they are to keep running. */
  async shutdown(stopSessions: boolean): Promise<void> {
    if (stopSessions) await this.stopWhere(() => true);
    this.dispose();
  }

  dispose(): void {
    for (const record of this.records.values()) record.readiness?.dispose();
  }

  private running(record: SessionRecord): void {
    if (record.session.status !== 'LAUNCHING') return;
    this.setStatus(record, 'RUNNING');
    this.watchPorts(record);
    this.emit(record);
  }

  private failed(record: SessionRecord, error: unknown): void {
    const service = error instanceof ServiceStartError && error.service ? error.service : undefined;
    const message = error instanceof Error ? error.message : String(error);
    record.session.error = { message: service ? `${service}: ${message}` : message, ...(service ? { service } : {}) };
    for (const other of record.session.services) {
      if (other.state !== 'failed') Object.assign(other, { state: 'exited', message: 'Removed: the session did not start' });
      other.ports.forEach((p) => Object.assign(p, { hostPort: null, listening: false }));
    }
    this.setStatus(record, 'FAILED');
    this.emit(record);
  }

  private watchPorts(record: SessionRecord): void {
    record.readiness = new PortReadiness(() => record.session, () => this.emit(record));
    record.readiness.start();
  }

  private patchService(record: SessionRecord, name: string, patch: ServicePatch): void {
    const service = record.session.services.find((s) => s.name === name);
    if (!service) return;
    Object.assign(service, patch);
    if ('message' in patch && patch.message === undefined) delete service.message;
    this.emit(record);
  }

  private setStatus(record: SessionRecord, status: Session['status']): void {
    record.session.status = status;
    if (status !== 'FAILED') delete record.session.error;
  }

  private emit(record: SessionRecord): void {
    this.options.onChange(this.view(record.session));
  }

  /** A copy for callers, never the live state. */
  private view(session: Session): Session {
    const copy = snapshot(session);
    return this.options.present ? this.options.present(copy) : copy;
  }

  /** The session of a pipeline path: the one known under that path, else from the file's uuid. */
  private async keyOf(projectId: string, relative: string): Promise<SessionKey> {
    const known = [...this.records.values()].find(
      (r) => r.session.projectId === projectId && r.session.pipelinePath === relative,
    );
    if (known) {
      const { pipelineUuid, pipelinePath, sessionUuid } = known.session;
      return { projectId, pipelineUuid, pipelinePath, sessionUuid };
    }
    const pipelineUuid = await this.options.pipelineUuid(projectId, relative);
    return { projectId, pipelineUuid, pipelinePath: relative, sessionUuid: sessionUuidOf(projectId, pipelineUuid) };
  }
}

/** What an observation sets or clears. */
const OBSERVED_FIELDS = ['exitCode', 'oomKilled', 'restartCount', 'startedAt', 'finishedAt', 'health', 'message'] as const;

/** A service whose container the app has made, in a session that is starting or running. */
function isObservable(session: Session, service: SessionService): boolean {
  const live = session.status === 'LAUNCHING' || session.status === 'RUNNING';
  return live && !['pending', 'pulling', 'failed', 'stopping'].includes(service.state);
}
