import fs from 'node:fs/promises';
import path from 'node:path';
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
