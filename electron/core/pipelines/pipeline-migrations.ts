import { randomUUID } from 'node:crypto';
import { isJsonObject, type JsonObject } from './json-value';

/** internals/compat.py: the versions Orchest migrated through, in order. */
export const PIPELINE_VERSIONS = ['1.0.0', '1.1.0', '1.2.0', '1.2.1', '1.2.2', '1.2.3'] as const;
export const LATEST_PIPELINE_VERSION = '1.2.3';


/** Ports inferred from the image name by the 1.1.0 -> 1.2.0 migration, first match wins. */
const PORTS_BY_IMAGE: [string, number][] = [
  ['redis', 6379],
  ['postgres', 5432],
  ['streamlit', 8501],
  ['mysql', 3306],
  ['rabbitmq', 5672],
  ['tensorflow', 6006],
  ['voila', 8866],
  ['mlflow', 5000],
  ['shiny', 8000],
];

const MIGRATIONS: Record<string, (pipeline: JsonObject) => void> = {
  '1.0.0': (pipeline) => {
    pipeline.parameters ??= {};
    for (const service of services(pipeline)) {
      if (isJsonObject(service.env_variables)) service.env_variables = validEnvNames(service.env_variables);
    }
    for (const step of isJsonObject(pipeline.steps) ? Object.values(pipeline.steps) : []) {
      if (isJsonObject(step) && isJsonObject(step.kernel) && step.kernel.name === 'ir') step.kernel.name = 'r';
    }
  },
  '1.1.0': (pipeline) => {
    for (const service of services(pipeline)) {
      if ('entrypoint' in service) {
        if ('command' in service) service.args = service.command;
        service.command = service.entrypoint;
        delete service.entrypoint;
      }
      if (!Array.isArray(service.ports) || service.ports.length === 0) service.ports = [inferPort(service.image)];
      service.exposed ??= false;
      service.requires_authentication ??= true;
    }
  },
  '1.2.0': (pipeline) => {
    if (!isJsonObject(pipeline.services)) return;
    const keys = Object.keys(pipeline.services).sort();
    const taken = new Set<number>();
    const unordered: JsonObject[] = [];
    for (const key of keys) {
      const service = pipeline.services[key];
      if (!isJsonObject(service)) continue;
      if (Number.isInteger(service.order) && !taken.has(service.order as number)) taken.add(service.order as number);
      else unordered.push(service);
    }
    let next = taken.size > 0 ? Math.max(...taken) + 1 : 0;
    for (const service of unordered) service.order = next++;
  },
  '1.2.1': (pipeline) => {
    if (!isJsonObject(pipeline.services)) return;
    const renamed: JsonObject = {};
    for (const [key, service] of Object.entries(pipeline.services)) {
      if (!isJsonObject(service) || typeof service.name !== 'string') {
        renamed[key] = service;
        continue;
      }
      let name = service.name.toLowerCase().replace(/^[^a-z]+/, '').slice(0, 26);
      if (name === '' || name in renamed) name = randomUUID().slice(0, 26);
      service.name = name;
      renamed[name] = service;
    }
    pipeline.services = renamed;
  },
  '1.2.2': (pipeline) => {
    if (isJsonObject(pipeline.settings)) pipeline.settings.max_steps_parallelism ??= 0;
  },
};

export interface Migrated {
  definition: JsonObject;
  /** The version the file said it had ("1.0.0" when it said none). */
  fileVersion: string;
}

/** Applies Orchest's forward migrations to a copy; the file on disk keeps its version until a save. */
export function migratePipeline(pipeline: JsonObject): Migrated {
  const definition = structuredCloneJson(pipeline);
  const fileVersion = typeof pipeline.version === 'string' ? pipeline.version : '1.0.0';
  const start = PIPELINE_VERSIONS.indexOf(fileVersion as (typeof PIPELINE_VERSIONS)[number]);
  if (start < 0) return { definition, fileVersion }; // unknown: validation says so
  for (const version of PIPELINE_VERSIONS.slice(start)) MIGRATIONS[version]?.(definition);
  definition.version = LATEST_PIPELINE_VERSION;
  return { definition, fileVersion };
}

function services(pipeline: JsonObject): JsonObject[] {
  return isJsonObject(pipeline.services) ? Object.values(pipeline.services).filter(isJsonObject) : [];
}

function inferPort(image: unknown): number {
  const name = typeof image === 'string' ? image : '';
  return PORTS_BY_IMAGE.find(([word]) => name.includes(word))?.[1] ?? 8080;
}

/** Invalid characters become "_"; a name that then collides gets "_2", "_3", ... */
function validEnvNames(variables: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [name, value] of Object.entries(variables)) {
    const base = name.replace(/[^0-9a-zA-Z\-_]/g, '_');
    let candidate = base;
    for (let n = 2; candidate in result; n++) candidate = `${base}_${n}`;
    result[candidate] = value;
  }
  return result;
}

/** A deep copy that keeps LosslessNumber instances (structuredClone would drop their prototype). */
function structuredCloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(structuredCloneJson) as T;
  if (!isJsonObject(value) || !(Object.getPrototypeOf(value) === Object.prototype)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneJson(v)])) as T;
}
