import type { PipelineDefinition } from '../../contract';
import { AppError } from '../app-error';
import { isJsonObject, type JsonObject } from '../pipelines/json-value';

/**
 * A job's parameter grid in the app's terms: `pipeline.<name>` or `<step uuid>.<name>` -> the values to try.
 * Parameters left out of the grid keep the pipeline's own value.
 */
export type ParameterGrid = Record<string, unknown[]>;

/** One run's parameters as Orchest's job `parameters` list held them: `{pipeline_parameters, <step uuid>: {...}}`. */
export type RunParameters = Record<string, Record<string, unknown>>;

export interface GridRow {
  /** The row's place in the product, which stays the same when other rows are left out. */
  index: number;
  parameters: RunParameters;
}

export const PIPELINE_PARAMETERS = 'pipeline_parameters';

/** More runs than a table and a job's folder sensibly hold; Orchest had no limit and stalled on such grids. */
export const MAX_GRID_RUNS = 10_000;

interface GridAxis {
  owner: string;
  name: string;
  values: unknown[];
}

/**
 * The Cartesian product of the grid over the pipeline's parameters, the first key varying slowest
 * (Orchest's `generatePipelineRunParamCombinations`); every row carries every parameter.
 */
export function gridRows(definition: PipelineDefinition, grid: ParameterGrid): GridRow[] {
  const defaults = defaultParameters(definition);
  const axes = Object.entries(grid).map(([key, values]) => axisOf(definition, defaults, key, values));
  const total = axes.reduce((count, axis) => count * axis.values.length, 1);
  if (total > MAX_GRID_RUNS) {
    throw new AppError('INVALID_INPUT', `The grid makes ${total} runs; a job can have at most ${MAX_GRID_RUNS}`, 'parameters');
  }
  const fastestFirst = [...axes].reverse();
  const rows: GridRow[] = [];
  for (let index = 0; index < total; index++) {
    // Values are shared, never changed; only the per-owner objects are new (LosslessNumbers stay as they are).
    const parameters: RunParameters = Object.fromEntries(Object.entries(defaults).map(([owner, values]) => [owner, { ...values }]));
    let rest = index;
    for (const axis of fastestFirst) {
      parameters[axis.owner]![axis.name] = axis.values[rest % axis.values.length];
      rest = Math.floor(rest / axis.values.length);
    }
    rows.push({ index, parameters });
  }
  return rows;
}

/** The rows a job runs: the product without the rows left out (by index). */
export function chosenRows(rows: GridRow[], leftOut: number[]): GridRow[] {
  const unknown = leftOut.filter((index) => !Number.isInteger(index) || index < 0 || index >= rows.length);
  if (unknown.length > 0) {
    throw new AppError('INVALID_INPUT', `The grid has ${rows.length} rows; there is no row ${unknown.join(', ')} to leave out`, 'leftOut');
  }
  const skipped = new Set(leftOut);
  const chosen = rows.filter((row) => !skipped.has(row.index));
  if (chosen.length === 0) throw new AppError('INVALID_INPUT', 'Every run is left out; keep at least one', 'leftOut');
  return chosen;
}

/** The runs' parameters, as the job stores them. */
export function runParameters(definition: PipelineDefinition, grid: ParameterGrid, leftOut: number[] = []): RunParameters[] {
  return chosenRows(gridRows(definition, grid), leftOut).map((row) => row.parameters);
}

/** The pipeline's parameters and those of each step that has any: what a run gets where the grid says nothing. */
export function defaultParameters(definition: PipelineDefinition): RunParameters {
  const own = isJsonObject(definition.parameters) ? definition.parameters : {};
  const parameters: RunParameters = { [PIPELINE_PARAMETERS]: { ...own } };
  for (const [uuid, step] of Object.entries(stepsOf(definition))) {
    if (isJsonObject(step.parameters) && Object.keys(step.parameters).length > 0) parameters[uuid] = { ...step.parameters };
  }
  return parameters;
}

/**
 * A grid key's owner: `pipeline.<name>` is the pipeline's parameter, `<step>.<name>` a step's, the step
 * named by its uuid or by its title when only one step has it.
 */
export function parseGridKey(definition: PipelineDefinition, key: string): { owner: string; name: string } {
  const dot = key.indexOf('.');
  if (dot <= 0 || dot === key.length - 1) {
    throw new AppError('INVALID_INPUT', `Grid key "${key}" is neither pipeline.NAME nor STEP.NAME`, 'parameters');
  }
  const head = key.slice(0, dot);
  const name = key.slice(dot + 1);
  if (head === 'pipeline') return { owner: PIPELINE_PARAMETERS, name };
  return { owner: stepUuidOf(definition, head, key), name };
}

function axisOf(definition: PipelineDefinition, defaults: RunParameters, key: string, values: unknown[]): GridAxis {
  const { owner, name } = parseGridKey(definition, key);
  const known = defaults[owner];
  if (!known || !(name in known)) {
    const where = owner === PIPELINE_PARAMETERS ? 'The pipeline' : `Step "${titleOf(definition, owner)}"`;
    const names = Object.keys(known ?? {});
    const hint = names.length > 0 ? ` (it has ${names.join(', ')})` : ' (it has no parameters)';
    throw new AppError('INVALID_INPUT', `${where} has no parameter "${name}"${hint}`, 'parameters');
  }
  if (!Array.isArray(values) || values.length === 0) {
    throw new AppError('INVALID_INPUT', `Give "${key}" at least one value`, 'parameters');
  }
  return { owner, name, values };
}

function stepUuidOf(definition: PipelineDefinition, ref: string, key: string): string {
  const steps = stepsOf(definition);
  if (ref in steps) return ref;
  const titled = Object.entries(steps).filter(([, step]) => step.title === ref);
  if (titled.length === 1) return titled[0]![0];
  if (titled.length > 1) {
    throw new AppError('INVALID_INPUT', `Grid key "${key}": ${titled.length} steps are titled "${ref}"; name the step by its uuid`, 'parameters');
  }
  throw new AppError('INVALID_INPUT', `Grid key "${key}": the pipeline has no step "${ref}" (by uuid or title)`, 'parameters');
}

function titleOf(definition: PipelineDefinition, uuid: string): string {
  const title = stepsOf(definition)[uuid]?.title;
  return typeof title === 'string' && title !== '' ? title : uuid;
}

function stepsOf(definition: PipelineDefinition): Record<string, JsonObject> {
  const raw = definition.steps;
  if (!isJsonObject(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1])));
}
