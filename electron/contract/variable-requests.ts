import { z } from 'zod';
import { ProjectId } from './schemas';
import { PipelineUuid, Variables, VariableSets } from './variable-schemas';

/** A project's variables, or a pipeline's when pipelineUuid is given. Kept as secrets in the app's data. */
const scope = z.object({ projectId: ProjectId, pipelineUuid: PipelineUuid.optional() }).strict();

export const variableRequests = {
  /** Both sets, kept apart for the editor; `pipeline` is {} without a pipelineUuid. */
  'variables.get': { input: scope, output: VariableSets },
  /** Replaces the scope's whole set (the project's, or the pipeline's); answers as variables.get. */
  'variables.set': { input: scope.extend({ variables: Variables }), output: VariableSets },
  /** What a pipeline's steps and inheriting services see: project variables, overridden by the pipeline's. */
  'variables.effective': {
    input: z.object({ projectId: ProjectId, pipelineUuid: PipelineUuid }).strict(),
    output: Variables,
  },
} as const;
