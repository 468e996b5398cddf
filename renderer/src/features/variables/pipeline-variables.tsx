import type { PipelineDocument } from '../../../../electron/contract';
import { VariablesTab } from './variables-tab';

/** The pipeline's variables, kept by the uuid in its definition (not its path, which a rename changes). */
export function PipelineVariables({ projectId, document }: { projectId: string; document: PipelineDocument }) {
  const uuid = typeof document.definition.uuid === 'string' ? document.definition.uuid : undefined;
  if (uuid === undefined) {
    return (
      <p className="callout" data-testid="pipeline-without-uuid">
        This pipeline file has no uuid, so it cannot have variables of its own; it sees the project's variables.
      </p>
    );
  }
  return <VariablesTab key={`${projectId}/${uuid}`} projectId={projectId} pipelineUuid={uuid} />;
}
