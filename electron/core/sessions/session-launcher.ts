import type Docker from 'dockerode';
import type { SessionService } from '../../contract';
import { AppError } from '../app-error';
import { createContainer, removeContainersByLabel, restartOnFailure } from '../docker/containers';
import { dockerErrorText, dockerStatusCode } from '../docker/docker-error';
import { ensureImage } from '../docker/images';
import { LABELS } from '../docker/labels';
import { createNetwork, removeNetworksByLabel } from '../docker/networks';
import type { LogService } from '../logs/log-service';
import type { PreparedSession } from './session-input';
import { withSdkOnPythonPath } from './python-path';
import type { ContainerPlan } from './session-plan';

export type ServicePatch = Partial<Pick<SessionService, 'state' | 'message' | 'ports' | 'exitCode'>>;
export type ReportService = (service: string, patch: ServicePatch) => void;
/** Reads a started service's container from the engine into the session (see SessionManager.observe). */
export type ObserveService = (service: string) => Promise<void>;
/** What a session's start does with its services' logs. */
export type ServiceLogs = Pick<LogService, 'beginRun' | 'note' | 'attach' | 'follow'>;

export class ServiceStartError extends Error {
  constructor(
    readonly service: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Carries out a session plan: its network, then every service at once (pulling each missing image
 * once). Throws ServiceStartError for the first service that failed, after removing everything the
 * session had made.
 */
export async function launchSession(
  docker: Docker,
  prepared: PreparedSession,
  logs: ServiceLogs,
  report: ReportService,
  observe: ObserveService,
): Promise<void> {
  const { plan } = prepared;
  await removeSessionResources(docker, plan.sessionUuid, 0); // what a crash may have left under this session
  const services = plan.containers.map((c) => c.service).join(',');
  try {
    await createNetwork(docker, plan.network.name, { ...plan.network.labels, [LABELS.services]: services });
  } catch (error) {
    throw new ServiceStartError('', `Could not create the network ${plan.network.name}: ${dockerErrorText(error)}`);
  }
  const pulls = new Map<string, Promise<Docker.ImageInspectInfo>>();
  const pull = (image: string) => {
    const same = plan.containers.filter((c) => c.image === image).map((c) => c.service);
    const progress = (message: string) => same.forEach((name) => report(name, { state: 'pulling', message }));
    if (!pulls.has(image)) pulls.set(image, ensureImage(docker, image, progress));
    return pulls.get(image)!;
  };
  const results = await Promise.allSettled(
    plan.containers.map((container) => startService(docker, prepared, container, { logs, pull, report, observe })),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failure) return;
  await removeSessionResources(docker, plan.sessionUuid, 0);
  throw failure.reason;
}

async function startService(
  docker: Docker,
  prepared: PreparedSession,
  plan: ContainerPlan,
  {
    logs,
    pull,
    report,
    observe,
  }: { logs: ServiceLogs; pull: (image: string) => Promise<Docker.ImageInspectInfo>; report: ReportService; observe: ObserveService },
): Promise<void> {
  const target = { projectId: prepared.projectId, pipelineUuid: prepared.pipelineUuid, source: plan.service };
  await logs.beginRun(target).catch(() => undefined); // an unwritable log must not stop the service
  let started: Docker.Container;
  try {
    const imageEnv = (await pull(plan.image)).Config?.Env ?? [];
    report(plan.service, { state: 'starting', message: undefined });
    const container = await createNamed(docker, { ...plan, env: withSdkOnPythonPath(plan.env, imageEnv) }, prepared.plan.network.name);
    // Attached before it starts, so that its log has every line as it is printed; else from the engine's store.
    const attached = await logs.attach(target, container).then(() => true, () => false);
    await container.start();
    if (!attached) await logs.follow(target, container).catch(() => undefined);
    started = container;
  } catch (error) {
    const message = error instanceof AppError ? error.message : dockerErrorText(error);
    report(plan.service, { state: 'failed', message });
    await logs.note(target, `Orchest Desktop could not start ${plan.service}: ${message}`).catch(() => undefined);
    throw new ServiceStartError(plan.service, message);
  }
  // A command that fails at once would only fail again: it shows as exited, with its code and lines.
  if (!(await stopsWithin(started, SETTLE_MS))) await restartOnFailure(started).catch(() => undefined);
  // Not `running` on the app's word: the engine says what the container is doing.
  await observe(plan.service);
}

/** A fresh container gets this long to fail before the session counts it as started. */
const SETTLE_MS = 1_000;

/**
 * Whether the container stops within `ms`. The time limit does not rely on the wait: a wait whose
 * connection is cut after the engine's headers never settles (docker-modem), and must not hold the start.
 */
async function stopsWithin(container: Docker.Container, ms: number): Promise<boolean> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => (abort.abort(), resolve(false)), ms);
  });
  const stopped = container.wait({ condition: 'not-running', abortSignal: abort.signal }).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([stopped, timeUp]);
  } finally {
    clearTimeout(timer);
  }
}

async function createNamed(docker: Docker, plan: ContainerPlan, network: string): Promise<Docker.Container> {
  try {
    return await createContainer(docker, plan, network);
  } catch (error) {
    if (dockerStatusCode(error) !== 409) throw error;
    throw new AppError(
      'CONFLICT',
      `a container named ${plan.name} already exists and was not made by Orchest Desktop; remove it (docker rm -f ${plan.name}) and start again`,
    );
  }
}

/** Stops and removes a session's containers (with a grace period, or none) and its network. */
export async function removeSessionResources(docker: Docker, sessionUuid: string, graceSeconds?: number): Promise<void> {
  const label = `${LABELS.session}=${sessionUuid}`;
  await removeContainersByLabel(docker, label, graceSeconds);
  await removeNetworksByLabel(docker, label);
}
