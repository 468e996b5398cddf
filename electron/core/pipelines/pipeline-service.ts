import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PipelineDocument, PipelineSummary } from '../../contract';
import { AppError } from '../app-error';
import { listEnvironments } from '../projects/environment-discovery';
import { findPipelineFiles } from '../projects/pipeline-discovery';
import { resolveInsideProject } from '../projects/project-paths';
import { SerialQueue } from '../projects/serial-queue';
import { isJsonObject, type JsonObject } from './json-value';
import { newPipelineDefinition } from './new-pipeline';
import { toOrchestJson, toPlainJson } from './orchest-json';
import { readPipelineSummary } from './pipeline-summary';
import { readPipelineFile, readPipelineUuid, revisionOf, writePipelineFile, type PipelineFile } from './pipeline-file';
import { migratePipeline } from './pipeline-migrations';
import { validatePipeline } from './pipeline-validation';
import { setNotebookKernels } from './notebook-kernelspec';
import { createStepFile } from './step-file';
import { mergeJson, mergeSteps } from './step-merge';

/** Reads, checks and changes a project's pipeline files; every write is serialised per service. */
export class PipelineService {
  private readonly queue = new SerialQueue();

  constructor(private readonly projectFolder: (projectId: string) => Promise<string>) {}

  /** Every pipeline; a missing or duplicate uuid is assigned and written back, as Orchest did. */
  list(projectId: string): Promise<PipelineSummary[]> {
    return this.queue.run(async () => {
      const dir = await this.projectFolder(projectId);
      const seen = new Set<string>();
      const summaries: PipelineSummary[] = [];
      for (const relative of await findPipelineFiles(dir)) {
        let summary = await readPipelineSummary(dir, relative);
        if (!summary.error && (summary.uuid === null || seen.has(summary.uuid))) {
          summary = await this.assignUuid(dir, relative).catch(() => summary);
        }
        if (summary.uuid) seen.add(summary.uuid);
        summaries.push(summary);
      }
      return summaries;
    });
  }

  async get(projectId: string, relative: string): Promise<PipelineDocument> {
    const read = await this.read(projectId, relative);
    return document(relative, read);
  }

  /** The uuid written in the pipeline file. */
  async uuidOf(projectId: string, relative: string): Promise<string> {
    const dir = await this.projectFolder(projectId);
    const uuid = await readPipelineUuid(await resolveInsideProject(dir, relative), relative);
    if (typeof uuid !== 'string') throw new AppError('PIPELINE_INVALID', `${relative} has no uuid`);
    return uuid;
  }

  /** The path of the pipeline with this uuid, if the project has one. */
  async pathOf(projectId: string, uuid: string): Promise<string | undefined> {
    return (await this.list(projectId)).find((p) => p.uuid === uuid)?.path;
  }

  create(projectId: string, relative: string, name: string): Promise<PipelineSummary> {
    return this.queue.run(async () => {
      const dir = await this.projectFolder(projectId);
      const folder = await resolveInsideProject(dir, path.posix.dirname(relative) === '.' ? '' : path.posix.dirname(relative));
      const file = path.join(folder, path.posix.basename(relative));
      try {
        await fs.writeFile(file, toOrchestJson(newPipelineDefinition(name)), { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('CONFLICT', `${relative} already exists`, 'path');
        throw error;
      }
      return readPipelineSummary(dir, relative);
    });
  }

  rename(projectId: string, relative: string, revision: string, name: string): Promise<PipelineDocument> {
    return this.change(projectId, relative, revision, (definition) => void (definition.name = name));
  }

  saveServices(projectId: string, relative: string, revision: string, services: JsonObject): Promise<PipelineDocument> {
    return this.change(projectId, relative, revision, (definition) => {
      // A file without services stays without the key when none are added.
      if (Object.keys(services).length > 0 || 'services' in definition) definition.services = services;
    });
  }

  /** Sets the settings given; any others the file has (Orchest may add some) stay. */
  saveSettings(projectId: string, relative: string, revision: string, settings: JsonObject): Promise<PipelineDocument> {
    return this.change(projectId, relative, revision, (definition) => {
      definition.settings = { ...(isJsonObject(definition.settings) ? definition.settings : {}), ...settings };
    });
  }

  /**
   * Replaces the steps with the editor's whole steps (and the parameters, when given), keeping the file's
   * bytes for what did not change; then sets each notebook step's kernelspec, as Orchest did.
   */
  async saveSteps(
    projectId: string,
    relative: string,
    revision: string,
    steps: Record<string, JsonObject>,
    parameters?: JsonObject,
  ): Promise<PipelineDocument> {
    const folder = path.posix.dirname(relative);
    const saved = await this.change(projectId, relative, revision, (definition) => {
      definition.steps = mergeSteps(definition.steps, steps, folder);
      if (parameters) definition.parameters = mergeJson(definition.parameters, parameters);
    });
    const dir = await this.projectFolder(projectId);
    await setNotebookKernels(dir, relative, saved.definition.steps, await listEnvironments(dir)).catch(() => []);
    return saved;
  }

  /** Creates a step's file beside the pipeline (filePath is relative to its folder); returns its short path. */
  async createStepFile(projectId: string, relative: string, filePath: string, environmentUuid?: string): Promise<{ filePath: string }> {
    const dir = await this.projectFolder(projectId);
    await this.read(projectId, relative);
    let environment: { uuid: string; name: string; language: string } | undefined;
    if (environmentUuid) {
      const found = (await listEnvironments(dir)).find((env) => env.uuid === environmentUuid);
      if (!found?.name || !found.language) throw new AppError('INVALID_INPUT', `The project has no environment ${environmentUuid}`, 'environment');
      environment = { uuid: found.uuid, name: found.name, language: found.language };
    }
    return { filePath: await createStepFile(dir, relative, filePath, environment) };
  }

  /** Deletes the file and, as Orchest did, the pipeline's logs and data; returns the uuid it had. */
  delete(projectId: string, relative: string): Promise<string | undefined> {
    return this.queue.run(async () => {
      const dir = await this.projectFolder(projectId);
      const read = await this.read(projectId, relative).catch(() => undefined);
      await fs.rm(await resolveInsideProject(dir, relative));
      const uuid = read?.json.uuid;
      if (typeof uuid === 'string' && /^[0-9a-f-]{36}$/.test(uuid)) {
        await fs.rm(path.join(dir, '.orchest', 'pipelines', uuid), { recursive: true, force: true });
        return uuid;
      }
      return undefined;
    });
  }

  /** Applies an edit to the migrated definition and saves it when it is valid and differs. */
  private change(projectId: string, relative: string, revision: string, edit: (definition: JsonObject) => void) {
    return this.queue.run(async () => {
      const read = await this.read(projectId, relative);
      if (read.revision !== revision) {
        throw new AppError('CONFLICT', `${relative} changed on disk since it was read; reload it and make the change again`, 'revision');
      }
      const before = migratePipeline(read.json).definition;
      const after = migratePipeline(read.json).definition;
      edit(after);
      const issues = validatePipeline(after);
      if (issues.length > 0) {
        const first = issues[0]!;
        throw new AppError('PIPELINE_INVALID', issues.map((i) => i.message).join('; '), first.path);
      }
      if (toOrchestJson(after) === toOrchestJson(before)) return document(relative, read);
      const text = await writePipelineFile(read, after, relative);
      return document(relative, { ...read, text, revision: revisionOf(text), json: after });
    });
  }

  private async read(projectId: string, relative: string): Promise<PipelineFile> {
    const dir = await this.projectFolder(projectId);
    return readPipelineFile(await resolveInsideProject(dir, relative), relative);
  }

  private async assignUuid(dir: string, relative: string): Promise<PipelineSummary> {
    const read = await readPipelineFile(await resolveInsideProject(dir, relative), relative);
    await writePipelineFile(read, { ...read.json, uuid: randomUUID() }, relative);
    return readPipelineSummary(dir, relative);
  }
}

function document(relative: string, read: PipelineFile): PipelineDocument {
  const { definition, fileVersion } = migratePipeline(read.json);
  return {
    path: relative,
    revision: read.revision,
    fileVersion,
    definition: toPlainJson(definition) as JsonObject,
    issues: validatePipeline(definition),
  };
}
