import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_ENVIRONMENT } from '../../contract';
import { ENVIRONMENTS_DIR } from './environment-discovery';
import { newPipelineDefinition } from '../pipelines/new-pipeline';
import { toOrchestJson, toPythonJsonLine } from '../pipelines/orchest-json';
import { findPipelineFiles } from './pipeline-discovery';

const run = promisify(execFile);

/** web/config.py: what Orchest put in a project's .gitignore and .orchest/.gitignore. */
export const ROOT_GITIGNORE = [
  '.orchest/pipelines/*/logs/',
  '.orchest/pipelines/*/data/',
  '.orchest/plasma.sock',
  '.ipynb_checkpoints/',
];
export const ORCHEST_GITIGNORE = ['pipelines/*/logs/', 'pipelines/*/data/', 'plasma.sock'];


/**
 * What Orchest did on a project's first discovery (CreateProject._collateral): .gitignore files,
 * .orchest/, the default Python environment, `git init`, and a "Main" pipeline when there is none.
 * Nothing that exists is overwritten.
 */
export async function ensureProjectCollateral(projectDir: string): Promise<void> {
  await writeIfMissing(path.join(projectDir, '.gitignore'), lines(ROOT_GITIGNORE));
  await fs.mkdir(path.join(projectDir, '.orchest'), { recursive: true });
  await writeIfMissing(path.join(projectDir, '.orchest', '.gitignore'), lines(ORCHEST_GITIGNORE));
  await ensureDefaultEnvironment(projectDir);
  await gitInit(projectDir);
  if ((await findPipelineFiles(projectDir)).length === 0) {
    await writeIfMissing(path.join(projectDir, 'main.orchest'), toOrchestJson(newPipelineDefinition('Main')));
  }
}

async function ensureDefaultEnvironment(projectDir: string): Promise<void> {
  const root = path.join(projectDir, ENVIRONMENTS_DIR);
  if (await exists(root)) return;
  const uuid = randomUUID();
  const folder = path.join(root, uuid);
  await fs.mkdir(folder, { recursive: true });
  const { name, language, baseImage, gpuSupport, setupScript } = DEFAULT_ENVIRONMENT;
  const properties = { name, uuid, language, base_image: baseImage, gpu_support: gpuSupport };
  await fs.writeFile(path.join(folder, 'properties.json'), toPythonJsonLine(properties));
  await fs.writeFile(path.join(folder, 'setup_script.sh'), setupScript);
}

/** `git init` where git is installed; a project without git still works. */
async function gitInit(projectDir: string): Promise<void> {
  if (await exists(path.join(projectDir, '.git'))) return;
  await run('git', ['init', '--quiet'], { cwd: projectDir }).catch(() => undefined);
}

async function writeIfMissing(file: string, content: string): Promise<void> {
  await fs.writeFile(file, content, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

function lines(entries: string[]): string {
  return `${entries.join('\n')}\n`;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}
