import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { orchestKernelName, type EnvironmentSummary } from '../../contract';
import { resolveInsideProject } from '../projects/project-paths';
import { isJsonObject, type JsonObject } from './json-value';
import { parseOrchestJson, toNotebookJson } from './orchest-json';

export interface Kernelspec {
  name: string;
  display_name: string;
  language: string;
}

/** The kernelspec Orchest gave a notebook of an environment (`pipeline_set_notebook_kernels`). */
export function kernelspecOf(environment: { uuid: string; name: string; language: string }): Kernelspec {
  return { name: orchestKernelName(environment.uuid), display_name: environment.name, language: environment.language };
}

/**
 * Writes each notebook step's kernelspec, as Orchest did after every save, where it differs. A notebook that
 * is missing, outside the project, does not parse, or whose environment is unknown is left as it is.
 * Returns the notebooks written, relative to the project.
 */
export async function setNotebookKernels(
  projectDir: string,
  pipelinePath: string,
  steps: unknown,
  environments: EnvironmentSummary[],
): Promise<string[]> {
  const written: string[] = [];
  if (!isJsonObject(steps)) return written;
  for (const step of Object.values(steps)) {
    if (!isJsonObject(step) || typeof step.file_path !== 'string' || !step.file_path.endsWith('.ipynb')) continue;
    const environment = environments.find((env) => env.uuid === step.environment);
    if (!environment?.name || !environment.language) continue;
    const relative = path.posix.normalize(path.posix.join(path.posix.dirname(pipelinePath), step.file_path));
    const file = await resolveInsideProject(projectDir, relative).catch(() => undefined);
    const spec = kernelspecOf({ uuid: environment.uuid, name: environment.name, language: environment.language });
    if (file && (await writeKernelspec(file, spec).catch(() => false))) written.push(relative);
  }
  return written;
}

/** Sets the notebook's kernelspec when it differs, through a temp file and a rename; true when it wrote. */
export async function writeKernelspec(file: string, spec: Kernelspec): Promise<boolean> {
  const text = await fs.readFile(file, 'utf8');
  let notebook: unknown;
  try {
    notebook = parseOrchestJson(text);
  } catch {
    return false;
  }
  if (!isJsonObject(notebook)) return false;
  const metadata: JsonObject = isJsonObject(notebook.metadata) ? notebook.metadata : {};
  const current: JsonObject = isJsonObject(metadata.kernelspec) ? metadata.kernelspec : {};
  if (current.name === spec.name && current.display_name === spec.display_name && current.language === spec.language) return false;
  const updated = { ...notebook, metadata: { ...metadata, kernelspec: { ...current, ...spec } } };
  await replaceFile(file, toNotebookJson(updated), text);
  return true;
}

/** Replaces a file's content atomically, keeping its mode; gives up if the file changed since it was read. */
async function replaceFile(file: string, content: string, readText: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const { mode } = await fs.stat(file);
    await fs.writeFile(temp, content, { flag: 'wx' });
    await fs.chmod(temp, mode & 0o7777);
    if ((await fs.readFile(file, 'utf8')) !== readText) throw new Error(`${file} changed while its kernel was being set`);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
