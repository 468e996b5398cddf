import fs from 'node:fs/promises';
import type { JobSnapshotProgress, PipelineDefinition } from '../../contract';
import { AppError } from '../app-error';
import { isJsonObject } from '../pipelines/json-value';
import { ENVIRONMENT_IMAGE_PREFIX } from '../sessions/session-plan';
import { parseGridKey, PIPELINE_PARAMETERS, type ParameterGrid } from './job-grid';
import { measureProject, snapshotProject } from './project-snapshot';

/** Progress events of a copy are at most this often. */
const PROGRESS_EVERY_MS = 200;

/** The environments a run needs: its steps', and those of the services it starts (scope `noninteractive`). */
export function environmentsUsed(definition: PipelineDefinition): string[] {
  const used = new Set<string>();
  for (const step of Object.values(isJsonObject(definition.steps) ? definition.steps : {})) {
    if (isJsonObject(step) && typeof step.environment === 'string' && step.environment !== '') used.add(step.environment);
  }
  for (const service of Object.values(isJsonObject(definition.services) ? definition.services : {})) {
    if (!isJsonObject(service) || typeof service.image !== 'string' || !service.image.startsWith(ENVIRONMENT_IMAGE_PREFIX)) continue;
    const scope = Array.isArray(service.scope) ? service.scope : [];
    if (scope.includes('noninteractive')) used.add(service.image.slice(ENVIRONMENT_IMAGE_PREFIX.length));
  }
  return [...used].sort();
}

/** The newest image of each environment the run uses, refused (naming the environment) when one has no build. */
export async function lockEnvironmentImages(
  projectId: string,
  definition: PipelineDefinition,
  newestImage: (projectId: string, environmentUuid: string) => Promise<string | undefined>,
  environmentName?: (projectId: string, environmentUuid: string) => Promise<string | undefined>,
): Promise<Record<string, string>> {
  const images: Record<string, string> = {};
  for (const uuid of environmentsUsed(definition)) {
    const image = await newestImage(projectId, uuid);
    if (!image) {
      const name = await environmentName?.(projectId, uuid).catch(() => undefined);
      const what = name ? `The environment '${name}' has no successful build yet` : `The environment ${uuid} has no build (or is not in this project)`;
      throw new AppError('NOT_FOUND', `${what}; build it, then start the job`, 'environment');
    }
    images[uuid] = image;
  }
  return images;
}

export interface SnapshotRequest {
  projectDir: string;
  target: string;
  leaveOut: string[];
  signal: AbortSignal;
  onProgress(progress: Omit<JobSnapshotProgress, 'jobUuid'>): void;
}

/** Measures, then copies the project into the job's snapshot folder (replacing what a failed Start left). */
export async function takeSnapshot(request: SnapshotRequest): Promise<{ files: number; bytes: number }> {
  const { projectDir, target, leaveOut, signal, onProgress } = request;
  onProgress({ phase: 'measuring', files: 0, bytes: 0, totalFiles: 0, totalBytes: 0 });
  const size = await measureProject(projectDir, { leaveOut, signal });
  await fs.rm(target, { recursive: true, force: true });
  let last = 0;
  const copied = await snapshotProject(projectDir, target, {
    leaveOut,
    signal,
    onProgress: (progress) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      onProgress({ phase: 'copying', ...progress });
    },
  });
  const totals = { totalFiles: Math.max(size.files, copied.files), totalBytes: Math.max(size.bytes, copied.bytes) };
  onProgress({ phase: 'done', files: copied.files, bytes: copied.bytes, ...totals });
  return { files: copied.files, bytes: copied.bytes };
}

/** The grid with its keys as the job keeps them: `pipeline.<name>` or `<step uuid>.<name>` (a step's title resolved). */
export function canonicalGrid(definition: PipelineDefinition, grid: ParameterGrid): ParameterGrid {
  const canonical: ParameterGrid = {};
  for (const [key, values] of Object.entries(grid)) {
    const { owner, name } = parseGridKey(definition, key);
    const own = `${owner === PIPELINE_PARAMETERS ? 'pipeline' : owner}.${name}`;
    if (own in canonical) throw new AppError('INVALID_INPUT', `The grid names ${own} twice (as ${key})`, 'parameters');
    canonical[own] = values;
  }
  return canonical;
}
