import type Docker from 'dockerode';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StepRun } from '../../contract';
import { dockerErrorText } from '../docker/docker-error';
import type { LogTarget } from '../logs/log-service';
import type { SessionContext } from '../sessions/session-context';
import type { PlannedStep } from './run-plan';
import type { StepResult } from './run-scheduler';
import { describeUnready, isReady, type Unready } from './service-wait';
import { runStepContainer, StepStartError, type StepLogs } from './step-container';
import { planStepContainer } from './step-container-plan';

/** An environment's image as a step runs on it, with the image's own variables. */
export interface StepImage {
  name: string;
  env: string[];
}

/** What every step of a run shares: its session's context, and what the services still lacked. */
export interface StepContext {
  session: SessionContext;
  sessionUuid: string;
  runUuid: string;
  /** What the services still lacked when the wait gave up. */
  unready: Unready;
}

export interface StepRunInput {
  docker: Docker;
  logs: StepLogs;
  target: LogTarget;
  context: StepContext;
  image: StepImage;
  signal: AbortSignal;
  /** Each container's removal, which the run waits for before it ends. */
  removals: Promise<void>[];
  /** The step's state as it goes: STARTED, then how it ended. */
  update(patch: Partial<StepRun>): void;
}

/**
 * Runs one step of a run (interactive or a job's) in its container, its output into its log; resolves
 * with how it ended, a failure to start said in the log and in the step's message.
 */
export async function runPlannedStep(step: PlannedStep, input: StepRunInput): Promise<StepResult> {
  const { logs, target, context, signal } = input;
  input.update({ status: 'STARTED', startedAt: new Date().toISOString() });
  const end = (status: StepResult, patch: Partial<StepRun> = {}) => {
    input.update({ status, finishedAt: new Date().toISOString(), ...patch });
    return status;
  };
  try {
    await logs.beginRun(target);
    if (!isReady(context.unready)) {
      await logs.note(target, `Waited a minute for ${describeUnready(context.unready)}; the step runs anyway`);
    }
    const { projectRelative } = step.location;
    const hostFile = projectRelative ? path.join(context.session.projectDir, projectRelative) : undefined;
    if (hostFile && !(await exists(hostFile))) throw new StepStartError(`The step's file ${step.filePath} does not exist`);
    const plan = planStepContainer({
      ...context.session,
      sessionUuid: context.sessionUuid,
      runUuid: context.runUuid,
      step,
      image: input.image.name,
      imageEnv: input.image.env,
    });
    const ran = await runStepContainer(input.docker, plan, step.command.program, logs, target, signal);
    input.removals.push(ran.removed);
    if (signal.aborted) return end('ABORTED', { message: 'Cancelled' });
    if (ran.exitCode === 0) return end('SUCCESS', { exitCode: 0 });
    return end('FAILURE', { exitCode: ran.exitCode, message: `Exited with code ${ran.exitCode}` });
  } catch (error) {
    if (signal.aborted) return end('ABORTED', { message: 'Cancelled' });
    const message = error instanceof StepStartError ? error.message : `The step could not run: ${dockerErrorText(error)}`;
    await logs.note(target, message).catch(() => undefined);
    return end('FAILURE', { message });
  }
}

/** The image with its own variables, as a step's container needs it. */
export async function stepImage(docker: Docker, name: string): Promise<StepImage> {
  return { name, env: (await docker.getImage(name).inspect()).Config?.Env ?? [] };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
