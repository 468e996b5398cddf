import type Docker from 'dockerode';
import { dockerErrorText } from '../docker/docker-error';
import type { LogService, LogTarget } from '../logs/log-service';
import type { StepContainerPlan } from './step-container-plan';

/** What a step's container does with its log. */
export type StepLogs = Pick<LogService, 'beginRun' | 'attach' | 'follow' | 'ended' | 'note'>;

/** A step that could not start, in words a person can act on. */
export class StepStartError extends Error {}

export interface StepContainerRun {
  /** The container's exit code, once it ended and its last line is on disk. */
  exitCode: number;
  /** Settles once the container is removed (a run waits for its containers to be gone before it ends). */
  removed: Promise<void>;
}

/**
 * Runs a step's container to its end, its output into the step's log, and removes it. Aborting the
 * signal kills the container. `program` is what the image must have to run the step.
 */
export async function runStepContainer(
  docker: Docker,
  plan: StepContainerPlan,
  program: string,
  logs: StepLogs,
  target: LogTarget,
  signal: AbortSignal,
): Promise<StepContainerRun> {
  const container = await createStepContainer(docker, plan);
  const removed = () => container.remove({ force: true }).then(() => undefined, () => undefined);
  const kill = () => void container.kill().catch(() => undefined);
  signal.addEventListener('abort', kill, { once: true });
  try {
    const attached = await logs.attach(target, container).then(() => true, () => false);
    await startOrExplain(container, plan.image, program);
    if (signal.aborted) kill(); // cancelled while it started
    if (!attached) await logs.follow(target, container);
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    await logs.ended(target);
    return { exitCode: StatusCode, removed: removed() };
  } catch (error) {
    await removed();
    throw error;
  } finally {
    signal.removeEventListener('abort', kill);
  }
}

function createStepContainer(docker: Docker, plan: StepContainerPlan): Promise<Docker.Container> {
  return docker.createContainer({
    Image: plan.image,
    Cmd: plan.cmd,
    WorkingDir: plan.workingDir,
    Env: plan.env,
    Labels: plan.labels,
    HostConfig: { Binds: plan.binds, NetworkMode: plan.network },
  });
}

async function startOrExplain(container: Docker.Container, image: string, program: string): Promise<void> {
  try {
    await container.start();
  } catch (error) {
    const text = dockerErrorText(error);
    if (/executable file not found/i.test(text)) {
      throw new StepStartError(`The image ${image} has no ${program}, which this step runs with; install it in the environment's set-up script`);
    }
    throw new StepStartError(`The step's container did not start: ${text}`);
  }
}
