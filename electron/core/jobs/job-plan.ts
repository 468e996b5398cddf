import path from 'node:path';
import type { PipelineDefinition } from '../../contract';
import { AppError } from '../app-error';
import { isJsonObject } from '../pipelines/json-value';
import { toOrchestJson } from '../pipelines/orchest-json';
import type { SessionContext } from '../sessions/session-context';
import { planSession, type ServiceDefinition, type SessionPlan } from '../sessions/session-plan';
import { PIPELINE_PARAMETERS, type RunParameters } from './job-grid';
import type { JobRecord } from './job-records';

/** What a job run's session is made of, besides the job itself; no I/O here. */
export interface JobRunInput {
  job: Pick<JobRecord, 'projectId' | 'pipelineUuid' | 'pipelinePath' | 'pipelineDefinition' | 'environmentImages'>;
  runUuid: string;
  parameters: RunParameters;
  /** The run's own copy of the snapshot: its `/project-dir`. */
  runProjectDir: string;
  owner: string;
  dataDir: string;
  /** The job's variables (its copy of the project's and pipeline's, as edited), which services may inherit. */
  variables: Record<string, string>;
  appBinds: string[];
}

/**
 * The job's pipeline with the run's parameters written in, as Orchest rewrote the run's copy of the
 * pipeline file (`tasks.py start_non_interactive_pipeline_run`): the pipeline's and each named step's.
 */
export function runPipelineDefinition(definition: PipelineDefinition, parameters: RunParameters): PipelineDefinition {
  const steps = isJsonObject(definition.steps) ? definition.steps : {};
  const written: PipelineDefinition = { ...definition, steps: { ...steps } };
  const writtenSteps = written.steps as Record<string, unknown>;
  for (const [owner, values] of Object.entries(parameters)) {
    if (owner === PIPELINE_PARAMETERS) {
      written.parameters = { ...(isJsonObject(definition.parameters) ? definition.parameters : {}), ...values };
      continue;
    }
    const step = steps[owner];
    if (!isJsonObject(step)) throw new AppError('PIPELINE_INVALID', `The job's pipeline has no step ${owner} for the run's parameters`, 'parameters');
    writtenSteps[owner] = { ...step, parameters: { ...(isJsonObject(step.parameters) ? step.parameters : {}), ...values } };
  }
  return written;
}

/** The run's pipeline file, in Orchest's own layout (sorted keys, 4-space indent). */
export function runPipelineFileText(definition: PipelineDefinition, parameters: RunParameters): string {
  return toOrchestJson(runPipelineDefinition(definition, parameters));
}

/** What every container of the run shares: a non-interactive session named by the run, on the run's copy. */
export function jobRunContext(input: JobRunInput): SessionContext & { sessionUuid: string } {
  return {
    sessionType: 'noninteractive',
    sessionUuid: input.runUuid, // a run's session is named by the run, as Orchest's were (tasks.py)
    owner: input.owner,
    projectUuid: input.job.projectId,
    pipelineUuid: input.job.pipelineUuid,
    pipelineFile: path.join(input.runProjectDir, input.job.pipelinePath),
    projectDir: input.runProjectDir,
    dataDir: input.dataDir,
    variables: input.variables,
    appBinds: input.appBinds,
  };
}

/**
 * The run's session: only the services whose scope has `noninteractive`, named `<service>-<run uuid>`
 * on the run's own network, `/project-dir` the run's copy, images the ones the job locked.
 */
export function planJobRunSession(input: JobRunInput): SessionPlan {
  const definition = runPipelineDefinition(input.job.pipelineDefinition, input.parameters);
  const services = (isJsonObject(definition.services) ? definition.services : {}) as Record<string, ServiceDefinition>;
  return planSession({ ...jobRunContext(input), services, environmentImages: input.job.environmentImages });
}
