import type Docker from 'dockerode';
import { AppError, type Disposable } from '../app-error';
import { watchContainerEvents, type ContainerEvent } from '../docker/container-events';
import { listLabelledContainers } from '../docker/containers';
import { LABELS } from '../docker/labels';
import { decideAdoption } from './session-adoption';
import { removeSessionResources } from './session-launcher';
import type { SessionManager } from './session-manager';
import { adoptedSession } from './session-snapshot';

/** The path of a pipeline in a project by its uuid; undefined when either is gone. */
export type LocatePipeline = (projectUuid: string, pipelineUuid: string) => Promise<string | undefined>;

/** The first wait before following the engine's events again after the stream ended, doubled up to the last. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * Keeps the session manager in step with the engine: whenever the engine (re)appears, or its event
 * stream ends for any reason (a daemon restart, a cut socket, a laptop's sleep), sessions that still
 * run are taken back as the engine has them, leftovers of crashes are removed, and events followed.
 */
export class SessionRecovery implements Disposable {
  private events: Disposable | undefined;
  private attaching: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private disposed = false;

  constructor(
    private readonly manager: SessionManager,
    private readonly docker: () => Promise<Docker>,
    private readonly locate: LocatePipeline,
    /** This instance's owner label value: only what it made is recovered or removed. */
    private readonly owner: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Once the engine answers: recover, then follow events. Safe to call again; tries again by itself. */
  attach(): Promise<void> {
    if (this.events || this.disposed) return Promise.resolve();
    return (this.attaching ??= this.connect()
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        // The engine being away is said elsewhere (engine.status); anything else is worth a line.
        if (!(error instanceof AppError && error.code === 'DOCKER_UNAVAILABLE')) this.onError(error);
        this.retryLater();
      })
      .finally(() => (this.attaching = undefined)));
  }

  /** The event stream ended while the app still wanted it: follow again, with back-off. */
  private ended(): void {
    this.detach();
    this.retryLater();
  }

  private retryLater(): void {
    if (this.disposed || this.retry) return;
    const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.failures++);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.attach();
    }, wait).unref();
  }

  detach(): void {
    this.events?.dispose();
    this.events = undefined;
  }

  private async connect(): Promise<void> {
    const docker = await this.docker();
    const events = await watchContainerEvents(docker, this.ownerLabel, (event) => void this.follow(docker, event), () => this.ended());
    try {
      await this.recover(docker);
    } catch (error) {
      events.dispose(); // so that the next attach tries again
      throw error;
    }
    this.events = events;
  }

  /** Whatever the event was, the service is read again from the engine. */
  private follow(docker: Docker, event: ContainerEvent): Promise<void> {
    const { [LABELS.session]: session, [LABELS.service]: service } = event.labels;
    if (!session || !service || isJobRun(event.labels)) return Promise.resolve();
    return this.manager.observe(session, service, docker).catch(this.onError);
  }

  async recover(docker: Docker): Promise<void> {
    const lookedAt = Date.now();
    // A job run's containers and network are the jobs' own: they take them back or remove them themselves.
    const all = (await listLabelledContainers(docker, this.ownerLabel)).filter((info) => !isJobRun(info.Config.Labels));
    // A step's container outlives its run only when the app that ran it went away: nothing waits for it.
    const steps = all.filter((info) => info.Config.Labels?.[LABELS.step]);
    await Promise.all(steps.map((info) => docker.getContainer(info.Id).remove({ force: true }).catch(() => undefined)));
    const containers = all.filter((info) => !info.Config.Labels?.[LABELS.step]);
    const networks = (await docker.listNetworks({ filters: { label: [this.ownerLabel] } })).filter((network) => !isJobRun(network.Labels));
    const found = containers.map((info) => ({
      labels: info.Config.Labels ?? {},
      started: info.State.Running || !info.State.StartedAt.startsWith('0001-'),
      running: info.State.Running,
    }));
    const present = new Set<string>();
    for (const decision of decideAdoption(found, networks.map((n) => n.Labels ?? {}))) {
      const { sessionUuid } = decision;
      const pipelinePath = decision.kind === 'adopt' ? await this.locate(decision.projectUuid, decision.pipelineUuid) : undefined;
      // Asked after the look-up, so that a start or stop that began meanwhile is seen.
      if (this.manager.busy(sessionUuid, lookedAt)) {
        present.add(sessionUuid);
        continue;
      }
      // A session the app showed as failed (a start the engine's absence cut short) is not taken back.
      if (decision.kind === 'adopt' && pipelinePath && !this.manager.isFailed(sessionUuid)) {
        const own = containers.filter((info) => info.Config.Labels?.[LABELS.session] === sessionUuid);
        const key = { projectId: decision.projectUuid, pipelineUuid: decision.pipelineUuid, pipelinePath, sessionUuid };
        this.manager.adopt(adoptedSession(key, own), docker);
        present.add(sessionUuid);
      } else {
        await removeSessionResources(docker, sessionUuid, 0);
      }
    }
    this.manager.forgetMissing(present, lookedAt);
  }

  private get ownerLabel(): string {
    return `${LABELS.owner}=${this.owner}`;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retry);
    this.detach();
  }
}

function isJobRun(labels: Record<string, string> | undefined): boolean {
  return labels?.[LABELS.sessionType] === 'noninteractive';
}
