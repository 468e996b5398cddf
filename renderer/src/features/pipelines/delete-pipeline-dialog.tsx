import { routeStore } from '../../app/route-store';
import { ConfirmDeleteDialog } from '../../components/confirm-delete-dialog';
import { pipelineStore } from '../../stores/app-stores';

export interface DeletePipelineDialogProps {
  projectId: string;
  path: string;
  name: string;
  onClose(): void;
}

/** Deletes the pipeline file and, as Orchest did, its logs and data under .orchest/pipelines/<uuid>. */
export function DeletePipelineDialog({ projectId, path, name, onClose }: DeletePipelineDialogProps) {
  const remove = async () => {
    await pipelineStore.getState().remove();
    routeStore.getState().navigate({ name: 'project', projectId, tab: 'pipelines' });
  };
  return (
    <ConfirmDeleteDialog label="Delete pipeline" testId="delete-pipeline-dialog" remove={remove} onClose={onClose}>
      This deletes {name ? <strong>{name}</strong> : 'the pipeline'}: the file <code>{path}</code>, and its logs and data in the
      project's <code>.orchest</code> folder. It cannot be undone.
    </ConfirmDeleteDialog>
  );
}
