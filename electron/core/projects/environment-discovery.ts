import fs from 'node:fs/promises';
import path from 'node:path';
import type { EnvironmentSummary } from '../../contract';
import { describeJsonError } from './json-error';

export const ENVIRONMENTS_DIR = path.join('.orchest', 'environments');

/** The environments under `.orchest/environments/<uuid>/properties.json`, as Orchest stored them. */
export async function listEnvironments(projectDir: string): Promise<EnvironmentSummary[]> {
  return readEnvironmentsFolder(path.join(projectDir, ENVIRONMENTS_DIR));
}

/** Every `<uuid>/properties.json` under a folder laid out as `.orchest/environments`. */
export async function readEnvironmentsFolder(root: string): Promise<EnvironmentSummary[]> {
  const dirents = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  const folders = dirents.filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return Promise.all(folders.map((uuid) => readEnvironment(path.join(root, uuid), uuid)));
}

async function readEnvironment(folder: string, uuid: string): Promise<EnvironmentSummary> {
  const empty = { uuid, name: null, language: null, baseImage: null, gpuSupport: false };
  let text: string;
  try {
    text = await fs.readFile(path.join(folder, 'properties.json'), 'utf8');
  } catch {
    return { ...empty, error: 'properties.json is missing' };
  }
  try {
    const props = JSON.parse(text) as Record<string, unknown>;
    const str = (value: unknown) => (typeof value === 'string' ? value : null);
    const summary = {
      uuid,
      name: str(props.name),
      language: str(props.language),
      baseImage: str(props.base_image),
      gpuSupport: props.gpu_support === true,
    };
    return props.uuid === uuid ? summary : { ...summary, error: `its uuid is not the folder's name '${uuid}'` };
  } catch (error) {
    return { ...empty, error: `properties.json: ${describeJsonError(text, error)}` };
  }
}
