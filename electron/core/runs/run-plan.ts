import type { PipelineDefinition, RunSelection } from '../../contract';
import { AppError } from '../app-error';
import { isJsonObject } from '../pipelines/json-value';
import { stepCommandOf, stepFileLocation, type StepCommand, type StepFileLocation } from './step-command';

/** A step as a run takes it: what to run, in which environment, after which of the run's other steps. */
export interface PlannedStep {
  uuid: string;
  title: string;
  filePath: string;
  environment: string;
  command: StepCommand;
  /** Where its file is, checked to be in the project (or under /data). */
  location: StepFileLocation;
  /** The step's parents that are in this run (its other parents' outputs are read as they are on disk). */
  parents: string[];
}

export interface RunPlan {
  /** Every step after its parents. */
  steps: PlannedStep[];
  /** How many steps may run at once; 0 is no limit (Orchest's `max_steps_parallelism`). */
  parallelism: number;
}

interface RawStep {
  title?: unknown;
  file_path?: unknown;
  environment?: unknown;
  incoming_connections?: unknown;
}

/** Picks a run's steps from a (migrated) pipeline and orders them; no I/O. `path`: the pipeline file's, in the project. */
export function planRun({ definition, path }: { definition: PipelineDefinition; path: string }, selection: RunSelection, chosen: string[] = []): RunPlan {
  const all = stepsOf(definition);
  const unknown = chosen.filter((uuid) => !all.has(uuid));
  if (unknown.length > 0) throw new AppError('NOT_FOUND', `The pipeline has no step ${unknown.join(', ')}`, 'steps');
  if (selection !== 'all' && chosen.length === 0) throw new AppError('INVALID_INPUT', 'Select the steps to run', 'steps');
  const included = selection === 'all' ? new Set(all.keys()) : selection === 'selected' ? new Set(chosen) : withDescendants(all, chosen);
  if (included.size === 0) throw new AppError('INVALID_INPUT', 'The pipeline has no steps to run', 'steps');
  const steps = order(all, included).map((uuid) => plannedStep(uuid, all.get(uuid)!, included, path));
  return { steps, parallelism: parallelismOf(definition.settings) };
}

/** Each step's title by its uuid (the uuid where it has none), as logs of steps are shown. */
export function stepTitles(definition: PipelineDefinition): Record<string, string> {
  return Object.fromEntries([...stepsOf(definition)].map(([uuid, step]) => [uuid, titleOf(uuid, step)]));
}

function stepsOf(definition: PipelineDefinition): Map<string, RawStep> {
  const raw = definition.steps;
  const steps = new Map<string, RawStep>();
  if (!isJsonObject(raw)) return steps;
  for (const [uuid, step] of Object.entries(raw)) if (isJsonObject(step)) steps.set(uuid, step);
  return steps;
}

function parentsOf(step: RawStep): string[] {
  const raw = step.incoming_connections;
  return Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : [];
}

function withDescendants(all: Map<string, RawStep>, roots: string[]): Set<string> {
  const included = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [uuid, step] of all) {
      if (!included.has(uuid) && parentsOf(step).some((p) => included.has(p))) {
        included.add(uuid);
        grew = true;
      }
    }
  }
  return included;
}

/** Kahn's order, ties kept in the file's order; a cycle is refused, naming its steps. */
function order(all: Map<string, RawStep>, included: Set<string>): string[] {
  const remaining = [...all.keys()].filter((uuid) => included.has(uuid));
  const done = new Set<string>();
  const ordered: string[] = [];
  while (remaining.length > 0) {
    const next = remaining.findIndex((uuid) => parentsOf(all.get(uuid)!).every((p) => !included.has(p) || done.has(p)));
    if (next === -1) {
      const titles = remaining.map((uuid) => titleOf(uuid, all.get(uuid)!));
      throw new AppError('PIPELINE_INVALID', `The steps ${titles.join(', ')} depend on each other in a cycle; a run needs an order`, 'steps');
    }
    const [uuid] = remaining.splice(next, 1);
    done.add(uuid!);
    ordered.push(uuid!);
  }
  return ordered;
}

function plannedStep(uuid: string, step: RawStep, included: Set<string>, pipelinePath: string): PlannedStep {
  const title = titleOf(uuid, step);
  const filePath = typeof step.file_path === 'string' ? step.file_path : '';
  if (!filePath) throw new AppError('PIPELINE_INVALID', `Step '${title}' has no file to run`, `steps.${uuid}.file_path`);
  const environment = typeof step.environment === 'string' ? step.environment : '';
  if (!environment) {
    throw new AppError('PIPELINE_INVALID', `Step '${title}' doesn't reference any environment; choose one for it`, `steps.${uuid}.environment`);
  }
  return {
    uuid,
    title,
    filePath,
    environment,
    command: stepCommandOf(title, filePath),
    location: stepFileLocation(title, pipelinePath, filePath),
    parents: parentsOf(step).filter((p) => included.has(p)),
  };
}

function titleOf(uuid: string, step: RawStep): string {
  return typeof step.title === 'string' && step.title ? step.title : uuid;
}

function parallelismOf(settings: unknown): number {
  const value = (settings as { max_steps_parallelism?: unknown } | undefined)?.max_steps_parallelism;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}
