import fs from 'node:fs/promises';
import path from 'node:path';
import type { PipelineSummary } from '../../contract';
import { describeJsonError } from './json-error';
import { toPortable } from './project-paths';

/** Orchest skipped only .ipynb_checkpoints; .git and node_modules never hold pipelines. */
const SKIPPED_FOLDERS = new Set(['.ipynb_checkpoints', '.git', 'node_modules']);

/** Every `*.orchest` file at any depth, relative to the project, sorted. */
export async function findPipelineFiles(projectDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const dirents = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      dirents.map(async (d) => {
        const full = path.join(dir, d.name);
        if (d.isDirectory() && !SKIPPED_FOLDERS.has(d.name)) await walk(full);
        else if (d.isFile() && d.name.endsWith('.orchest')) found.push(toPortable(path.relative(projectDir, full)));
      }),
    );
  };
  await walk(projectDir);
  return found.sort();
}

/** Reads a pipeline file's identity; a file that does not parse is reported with where it broke. */
export async function readPipelineSummary(projectDir: string, relative: string): Promise<PipelineSummary> {
  const file = path.join(projectDir, ...relative.split('/'));
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    return { uuid: null, name: null, path: relative, error: `cannot be read: ${(error as Error).message}` };
  }
  try {
    const json = JSON.parse(text) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return { uuid: null, name: null, path: relative, error: 'is not a JSON object' };
    }
    const { uuid, name } = json as Record<string, unknown>;
    return {
      uuid: typeof uuid === 'string' && uuid !== '' ? uuid : null,
      name: typeof name === 'string' ? name : null,
      path: relative,
    };
  } catch (error) {
    return { uuid: null, name: null, path: relative, error: describeJsonError(text, error) };
  }
}
