import { MEMORY_SIZE, findCycle, readSteps, stepLabel, type ValidationIssue } from '../../contract';
import { LATEST_PIPELINE_VERSION } from './pipeline-migrations';
import { validateService } from './service-validation';
import { isJsonObject, type JsonObject } from './json-value';

/**
 * Orchest's checks of a (migrated) pipeline (web/utils.py check_pipeline_correctness and
 * internals/utils.py is_services_definition_valid), plus port range and unique ports.
 */
export function validatePipeline(pipeline: JsonObject): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message: `${path}: ${message}` });

  if (pipeline.version !== LATEST_PIPELINE_VERSION) add('version', `unknown pipeline version ${JSON.stringify(pipeline.version)}`);
  if (typeof pipeline.name !== 'string' || pipeline.name === '') add('name', 'is required');
  else if (pipeline.name.length > 255) add('name', 'is longer than 255 characters');

  if (!isJsonObject(pipeline.settings)) add('settings', 'is required (an object)');
  else {
    const { data_passing_memory_size: size, auto_eviction: eviction, max_steps_parallelism: parallelism } = pipeline.settings;
    if (typeof size !== 'string' || !MEMORY_SIZE.test(size)) {
      add('settings.data_passing_memory_size', 'must be a size such as "1GB" (a number, then KB, MB or GB)');
    }
    if (eviction !== undefined && typeof eviction !== 'boolean') add('settings.auto_eviction', 'must be true or false');
    if (parallelism !== undefined && !(Number.isInteger(parallelism) && (parallelism as number) >= 0)) {
      add('settings.max_steps_parallelism', 'must be a whole number, 0 for no limit');
    }
  }
  if (pipeline.parameters !== undefined && !isJsonObject(pipeline.parameters)) add('parameters', 'must be an object');
  validateSteps(pipeline.steps, add);
  validateServices(pipeline.services, issues);
  return issues;
}

function validateSteps(steps: unknown, add: (path: string, message: string) => void): void {
  if (!isJsonObject(steps)) return add('steps', 'is required (an object keyed by step uuid)');
  for (const [key, step] of Object.entries(steps)) {
    const at = `steps.${key}`;
    if (!isJsonObject(step)) {
      add(at, 'must be an object');
      continue;
    }
    if (step.uuid !== key) add(`${at}.uuid`, 'must equal the step key');
    for (const field of ['title', 'file_path', 'environment']) {
      if (typeof step[field] !== 'string') add(`${at}.${field}`, 'is required (text)');
    }
    if (!isJsonObject(step.kernel) || typeof step.kernel.name !== 'string') add(`${at}.kernel`, 'needs a name and display_name');
    if (!Array.isArray(step.incoming_connections)) add(`${at}.incoming_connections`, 'is required (a list of step uuids)');
    else {
      for (const parent of step.incoming_connections) {
        if (typeof parent !== 'string' || !(parent in steps)) add(`${at}.incoming_connections`, `${JSON.stringify(parent)} is not a step of this pipeline`);
      }
    }
  }
  const graph = readSteps(steps);
  const cycle = findCycle(graph);
  if (cycle) {
    const chain = cycle.map((uuid) => stepLabel(graph, uuid)).join(' → ');
    add(`steps.${cycle[1]}.incoming_connections`, `the connections make a cycle: ${chain}`);
  }
  // Orchest's editor refuses two notebook steps on one notebook (client/utils/webserver-utils.ts validatePipeline).
  const notebooks = new Map<string, string>();
  for (const [key, step] of Object.entries(graph)) {
    if (!step.file_path.endsWith('.ipynb')) continue;
    const other = notebooks.get(step.file_path);
    if (other !== undefined) add(`steps.${key}.file_path`, `${step.file_path} is also the notebook of ${stepLabel(graph, other)}`);
    else notebooks.set(step.file_path, key);
  }
}

function validateServices(services: unknown, issues: ValidationIssue[]): void {
  if (services === undefined) return;
  if (!isJsonObject(services)) {
    issues.push({ path: 'services', message: 'services: must be an object keyed by service name' });
    return;
  }
  const orders = new Map<number, string>();
  for (const [key, service] of Object.entries(services)) {
    const add = (field: string, message: string) =>
      issues.push({ path: `services.${key}${field ? `.${field}` : ''}`, service: key, message: `${field || 'service'}: ${message}` });
    if (!isJsonObject(service)) {
      add('', 'must be an object');
      continue;
    }
    validateService(key, service, add);
    if (Number.isInteger(service.order)) {
      const other = orders.get(service.order as number);
      if (other !== undefined) add('order', `${String(service.order)} is also the order of '${other}'`);
      else orders.set(service.order as number, key);
    }
  }
}
