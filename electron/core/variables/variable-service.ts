import { Variables, type VariableSets } from '../../contract';
import { AppError } from '../app-error';
import { SerialQueue } from '../projects/serial-queue';
import type { SecretStore } from './secret-store';
import {
  EMPTY_DOCUMENT,
  VariableDocument,
  pipelineVariables,
  projectVariables,
  withoutScope,
  withVariables,
} from './variable-document';

/**
 * Project and pipeline environment variables, kept as secrets in the app's data (never in a project).
 * The caller checks that the project and pipeline exist; this keeps their variables by uuid.
 */
export class VariableService {
  private readonly queue = new SerialQueue();

  constructor(private readonly store: SecretStore) {}

  /** Both sets apart, for the editor; `pipeline` is empty without a pipeline. */
  get(projectId: string, pipelineUuid?: string): Promise<VariableSets> {
    return this.queue.run(async () => setsOf(await this.load(), projectId, pipelineUuid));
  }

  /** Replaces one scope's whole set: the project's, or the pipeline's when pipelineUuid is given. */
  async set(projectId: string, pipelineUuid: string | undefined, variables: Record<string, string>): Promise<VariableSets> {
    const checked = checkVariables(variables);
    return this.queue.run(async () => {
      const next = withVariables(await this.load(), projectId, pipelineUuid, checked);
      await this.store.write(next);
      return setsOf(next, projectId, pipelineUuid);
    });
  }

  /** What the pipeline's steps see: project variables, overridden by the pipeline's (Orchest's order). */
  async effective(projectId: string, pipelineUuid: string): Promise<Record<string, string>> {
    const { project, pipeline } = await this.get(projectId, pipelineUuid);
    return { ...project, ...pipeline };
  }

  /** Drops a deleted project's variables (with its pipelines'), or a deleted pipeline's. */
  forget(projectId: string, pipelineUuid?: string): Promise<void> {
    return this.queue.run(async () => {
      const doc = await this.load();
      const next = withoutScope(doc, projectId, pipelineUuid);
      if (JSON.stringify(next) !== JSON.stringify(doc)) await this.store.write(next);
    });
  }

  private async load(): Promise<VariableDocument> {
    const stored = await this.store.read();
    if (stored === undefined) return EMPTY_DOCUMENT;
    const parsed = VariableDocument.safeParse(stored);
    if (!parsed.success) {
      throw new AppError(
        'SECRETS_UNAVAILABLE',
        'The variables file does not hold variables as this version of Orchest Desktop writes them. It was left as it is.',
      );
    }
    return parsed.data;
  }
}

function setsOf(doc: VariableDocument, projectId: string, pipelineUuid: string | undefined): VariableSets {
  return {
    project: projectVariables(doc, projectId),
    pipeline: pipelineUuid === undefined ? {} : pipelineVariables(doc, projectId, pipelineUuid),
  };
}

/** The bridge checked already; callers inside the core get the same rule and the same field. */
function checkVariables(variables: Record<string, string>): Record<string, string> {
  const parsed = Variables.safeParse(variables);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = ['variables', ...(issue?.path.map(String) ?? [])].join('.');
  throw new AppError('INVALID_INPUT', issue?.message ?? 'Invalid variables', field);
}
