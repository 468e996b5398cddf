import { AppError } from '../app-error';
import type { ProjectService } from '../projects/project-service';

/** Where the project's pipelines and their uuids come from (the PipelineService). */
export interface PipelineLister {
  list(projectId: string): Promise<ReadonlyArray<{ uuid: string | null }>>;
}

/** Refuses variables for a project, or a pipeline in it, that does not exist: no secret is kept for a typo. */
export async function checkVariableScope(
  projects: ProjectService,
  pipelines: PipelineLister,
  projectId: string,
  pipelineUuid?: string,
): Promise<void> {
  await projects.get(projectId);
  if (pipelineUuid === undefined) return;
  if (!(await pipelines.list(projectId)).some((p) => p.uuid === pipelineUuid)) {
    throw new AppError('NOT_FOUND', `No pipeline with uuid ${pipelineUuid} in this project`, 'pipelineUuid');
  }
}
