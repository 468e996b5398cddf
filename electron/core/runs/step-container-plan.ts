import { LABELS } from '../docker/labels';
import { withSdkOnPythonPath } from '../sessions/python-path';
import { sessionNetworkName } from '../sessions/session-identity';
import type { PlannedStep } from './run-plan';

export interface StepContainerInput {
  /** The app instance's owner label value (see LABELS.owner). */
  owner: string;
  projectUuid: string;
  pipelineUuid: string;
  /** The pipeline file on the host. */
  pipelineFile: string;
  projectDir: string;
  dataDir: string;
  sessionUuid: string;
  runUuid: string;
  step: PlannedStep;
  image: string;
  /** The image's own variables (for its PYTHONPATH). */
  imageEnv: string[];
  /** Project and pipeline variables, merged (pipeline wins). */
  variables: Record<string, string>;
  /** What the app mounts in every container of the session (the `orchest` SDK and runner). */
  appBinds: string[];
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
      [LABELS.managed]: 'true',
      [LABELS.owner]: input.owner,
      [LABELS.project]: input.projectUuid,
      [LABELS.pipeline]: input.pipelineUuid,
      [LABELS.session]: input.sessionUuid,
      [LABELS.run]: input.runUuid,
      [LABELS.step]: step.uuid,
    },
    binds: [
      `${input.projectDir}:/project-dir`,
      `${input.dataDir}:/data`,
      `${input.pipelineFile}:/pipeline.json:ro`,
      ...input.appBinds,
    ],
    network: sessionNetworkName(input.sessionUuid),
  };
}

/** The user's variables first (PATH left out, as Orchest did), then Orchest's own (api/core/pipeline_runs.py). */
function stepEnvironment(input: StepContainerInput): string[] {
  const env: Record<string, string> = Object.fromEntries(Object.entries(input.variables).filter(([name]) => name !== 'PATH'));
  Object.assign(env, {
    ORCHEST_STEP_UUID: input.step.uuid,
    ORCHEST_SESSION_UUID: input.sessionUuid,
    ORCHEST_SESSION_TYPE: 'interactive',
    ORCHEST_PIPELINE_UUID: input.pipelineUuid,
    ORCHEST_PIPELINE_PATH: '/pipeline.json',
    ORCHEST_PROJECT_UUID: input.projectUuid,
    ORCHEST_NAMESPACE: 'orchest',
    ORCHEST_CLUSTER: 'cluster-1',
    PYTHONUNBUFFERED: '1',
  });
  return Object.entries(env).map(([name, value]) => `${name}=${value}`);
}
