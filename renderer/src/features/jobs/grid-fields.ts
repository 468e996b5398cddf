import { formatValues, parseValues } from './values-field';

/** One parameter the grid can vary: the pipeline's (`pipeline.<name>`) or a step's (`<step uuid>.<name>`). */
export interface GridField {
  key: string;
  /** "Pipeline: n" or "<step title>: greeting". */
  label: string;
  /** The value the pipeline file gives it, as JSON: what a run gets when the grid leaves it out. */
  current: string;
}

type Definition = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every pipeline and step parameter of the definition, the pipeline's first, steps by title. */
export function gridFields(definition: Definition | undefined): GridField[] {
  if (!definition) return [];
  const fields: GridField[] = [];
  const own = isObject(definition.parameters) ? definition.parameters : {};
  for (const [name, value] of Object.entries(own)) fields.push({ key: `pipeline.${name}`, label: `Pipeline: ${name}`, current: JSON.stringify(value) });
  const steps = isObject(definition.steps) ? Object.entries(definition.steps) : [];
  const titled = steps
    .flatMap(([uuid, step]) => (isObject(step) ? [{ uuid, title: typeof step.title === 'string' && step.title ? step.title : uuid, step }] : []))
    .sort((a, b) => a.title.localeCompare(b.title));
  for (const { uuid, title, step } of titled) {
    const parameters = isObject(step.parameters) ? step.parameters : {};
    for (const [name, value] of Object.entries(parameters)) fields.push({ key: `${uuid}.${name}`, label: `${title}: ${name}`, current: JSON.stringify(value) });
  }
  return fields;
}

/** Steps' titles by uuid, from the definition. */
export function stepTitlesOf(definition: Definition | undefined): Map<string, string> {
  const steps = definition && isObject(definition.steps) ? Object.entries(definition.steps) : [];
  return new Map(steps.flatMap(([uuid, step]) => (isObject(step) && typeof step.title === 'string' ? [[uuid, step.title] as [string, string]] : [])));
}

/** The texts of the values fields, by grid key, from a job's grid. */
export function gridTexts(grid: Record<string, readonly unknown[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(grid).map(([key, values]) => [key, formatValues(values)]));
}

/** The grid the texts make: a field left empty is not in it (its runs keep the pipeline's value). */
export function gridOf(texts: Record<string, string>): Record<string, unknown[]> {
  const grid: Record<string, unknown[]> = {};
  for (const [key, text] of Object.entries(texts)) {
    const values = parseValues(text);
    if (values.length > 0) grid[key] = values;
  }
  return grid;
}
