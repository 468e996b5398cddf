import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentLanguage, type EnvironmentFields } from '../../contract';
import { AppError } from '../app-error';
import { toPythonJsonLine } from '../pipelines/orchest-json';
import { ENVIRONMENTS_DIR } from '../projects/environment-discovery';
import { describeJsonError } from '../projects/json-error';

const PROPERTIES = 'properties.json';
const SETUP_SCRIPT = 'setup_script.sh';

export interface StoredEnvironment extends EnvironmentFields {
  uuid: string;
  buildVariables: string[];
}

export function environmentFolder(projectDir: string, uuid: string): string {
  return path.join(projectDir, ENVIRONMENTS_DIR, uuid);
}

/** Reads `.orchest/environments/<uuid>/`; the error says which file is missing or broken. */
export async function readEnvironment(projectDir: string, uuid: string): Promise<StoredEnvironment> {
  return readEnvironmentFolder(environmentFolder(projectDir, uuid), uuid);
}

/** Reads an environment's folder wherever it is (an Orchest export, a fixture). */
export async function readEnvironmentFolder(folder: string, uuid: string): Promise<StoredEnvironment> {
  const text = await fs.readFile(path.join(folder, PROPERTIES), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new AppError('NOT_FOUND', `No environment ${uuid} in this project`);
    throw error;
  });
  let props: Record<string, unknown>;
  try {
    props = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new AppError('INVALID_INPUT', `.orchest/environments/${uuid}/${PROPERTIES}: ${describeJsonError(text, error)}`);
  }
  const setupScript = await fs.readFile(path.join(folder, SETUP_SCRIPT), 'utf8').catch(() => '');
  const language = EnvironmentLanguage.safeParse(props.language).data ?? 'python';
  return {
    uuid,
    name: typeof props.name === 'string' ? props.name : '',
    baseImage: typeof props.base_image === 'string' ? props.base_image : '',
    language,
    gpuSupport: props.gpu_support === true,
    setupScript,
    buildVariables: Array.isArray(props.build_variables) ? props.build_variables.filter((n): n is string => typeof n === 'string') : [],
  };
}

/**
 * Writes the environment as Orchest did: properties.json as one line of Python's json.dumps, keeping
 * keys it does not know, and the set-up script with LF line ends (Orchest's preprocess_script).
 */
export async function writeEnvironment(projectDir: string, uuid: string, fields: EnvironmentFields): Promise<void> {
  const folder = environmentFolder(projectDir, uuid);
  await fs.mkdir(folder, { recursive: true });
  const previous = await fs.readFile(path.join(folder, PROPERTIES), 'utf8').then((t) => JSON.parse(t) as Record<string, unknown>, () => ({}));
  const scalars = Object.fromEntries(Object.entries(previous).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v)));
  const buildVariables = [...new Set(fields.buildVariables ?? [])];
  const properties = {
    ...(scalars as Record<string, string | number | boolean | null>),
    name: fields.name,
    uuid,
    language: fields.language,
    base_image: fields.baseImage,
    gpu_support: fields.gpuSupport,
  };
  // Names only: the values stay in the app's secrets. Left out when empty, so Orchest's files stay as they were.
  const line = toPythonJsonLine(properties);
  const withNames = buildVariables.length > 0 ? `${line.slice(0, -1)}, "build_variables": [${buildVariables.map((n) => JSON.stringify(n)).join(', ')}]}` : line;
  await atomicWrite(path.join(folder, PROPERTIES), withNames);
  await atomicWrite(path.join(folder, SETUP_SCRIPT), fields.setupScript.replace(/\r\n?/g, '\n'));
}

export async function createEnvironment(projectDir: string, fields: EnvironmentFields): Promise<string> {
  const uuid = randomUUID();
  await writeEnvironment(projectDir, uuid, fields);
  return uuid;
}

export async function deleteEnvironmentFolder(projectDir: string, uuid: string): Promise<void> {
  await fs.rm(environmentFolder(projectDir, uuid), { recursive: true, force: true });
}

async function atomicWrite(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, content);
  await fs.rename(temporary, file);
}
