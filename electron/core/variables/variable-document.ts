import { z } from 'zod';

const VariableSet = z.record(z.string(), z.string());

/**
 * The secrets file: variables by project uuid, and by pipeline uuid inside their project, so that they
 * survive renames and moves of the folder or the pipeline file.
 */
export const VariableDocument = z.object({
  version: z.literal(1),
  projects: z.record(
    z.string(),
    z.object({ variables: VariableSet, pipelines: z.record(z.string(), VariableSet) }),
  ),
});
export type VariableDocument = z.infer<typeof VariableDocument>;
type ProjectEntry = VariableDocument['projects'][string];

export const EMPTY_DOCUMENT: VariableDocument = { version: 1, projects: {} };

export function projectVariables(doc: VariableDocument, projectId: string): Record<string, string> {
  return { ...doc.projects[projectId]?.variables };
}

export function pipelineVariables(doc: VariableDocument, projectId: string, pipelineUuid: string): Record<string, string> {
  return { ...doc.projects[projectId]?.pipelines[pipelineUuid] };
}

/** A copy with one scope's set replaced; empty sets and projects are dropped. */
export function withVariables(
  doc: VariableDocument,
  projectId: string,
  pipelineUuid: string | undefined,
  variables: Record<string, string>,
): VariableDocument {
  const before: ProjectEntry = doc.projects[projectId] ?? { variables: {}, pipelines: {} };
  const entry: ProjectEntry =
    pipelineUuid === undefined
      ? { ...before, variables }
      : { ...before, pipelines: nonEmpty({ ...before.pipelines, [pipelineUuid]: variables }) };
  const projects = { ...doc.projects, [projectId]: entry };
  if (Object.keys(entry.variables).length === 0 && Object.keys(entry.pipelines).length === 0) {
    delete projects[projectId];
  }
  return { ...doc, projects };
}

/** A copy without the project's variables (and its pipelines'), or without one pipeline's. */
export function withoutScope(doc: VariableDocument, projectId: string, pipelineUuid?: string): VariableDocument {
  if (pipelineUuid !== undefined) return withVariables(doc, projectId, pipelineUuid, {});
  const projects = { ...doc.projects };
  delete projects[projectId];
  return { ...doc, projects };
}

function nonEmpty(sets: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(sets).filter(([, set]) => Object.keys(set).length > 0));
}
