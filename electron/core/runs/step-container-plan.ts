import { LABELS } from '../docker/labels';
import { withSdkOnPythonPath } from '../sessions/python-path';
import { sessionBinds, sessionLabels, sessionVariables, type SessionContext } from '../sessions/session-context';
import { sessionNetworkName } from '../sessions/session-identity';
import type { PlannedStep } from './run-plan';

export interface StepContainerInput extends SessionContext {
  sessionUuid: string;
  runUuid: string;
  step: PlannedStep;
  image: string;
  /** The image's own variables (for its PYTHONPATH). */
  imageEnv: string[];
}

export interface StepContainerPlan {
  image: string;
  cmd: string[];
  workingDir: string;
  env: string[];
  labels: Record<string, string>;
  binds: string[];
  network: string;
}

/** A step's container, as Orchest ran steps: in the session's network, the project at /project-dir; no I/O. */
export function planStepContainer(input: StepContainerInput): StepContainerPlan {
  const { step } = input;
  return {
    image: input.image,
    cmd: step.command.argv,
    workingDir: step.location.workingDir,
    env: withSdkOnPythonPath(stepEnvironment(input), input.imageEnv),
    labels: {
      ...sessionLabels(input, input.sessionUuid),
      [LABELS.run]: input.runUuid,
      [LABELS.step]: step.uuid,
    },
    binds: [`${input.projectDir}:/project-dir`, `${input.dataDir}:/data`, ...sessionBinds(input)],
    network: sessionNetworkName(input.sessionUuid),
  };
}

/** The user's variables first (PATH left out, as Orchest did), then Orchest's own (api/core/pipeline_runs.py). */
function stepEnvironment(input: StepContainerInput): string[] {
  const env: Record<string, string> = Object.fromEntries(Object.entries(input.variables).filter(([name]) => name !== 'PATH'));
  Object.assign(env, {
    ORCHEST_STEP_UUID: input.step.uuid,
    ...sessionVariables(input, input.sessionUuid),
    ORCHEST_NAMESPACE: 'orchest',
    ORCHEST_CLUSTER: 'cluster-1',
    PYTHONUNBUFFERED: '1',
  });
  return Object.entries(env).map(([name, value]) => `${name}=${value}`);
}
