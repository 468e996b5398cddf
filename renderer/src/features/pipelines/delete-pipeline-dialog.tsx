import { routeStore } from '../../app/route-store';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { useFormSubmit } from '../../components/use-form-submit';
import { pipelineStore } from '../../stores/app-stores';
import { FormError } from '../../components/form-error';

export interface DeletePipelineDialogProps {
  projectId: string;
  path: string;
  name: string;
  onClose(): void;
}

/** Deletes the pipeline file and, as Orchest did, its logs and data under .orchest/pipelines/<uuid>. */
export function DeletePipelineDialog({ projectId, path, name, onClose }: DeletePipelineDialogProps) {
  const { busy, server, submit } = useFormSubmit([], async () => {
    await pipelineStore.getState().remove();
    routeStore.getState().navigate({ name: 'project', projectId, tab: 'pipelines' });
    onClose();
  });

  return (
    <Dialog label="Delete pipeline" onClose={onClose} testId="delete-pipeline-dialog">
      <form className="dialog__form" onSubmit={(event) => submit(event)} noValidate>
        <div className="dialog__body">
          <p className="dialog__lead dialog__lead--danger">
            This deletes {name ? <strong>{name}</strong> : 'the pipeline'}: the file <code>{path}</code>, and its logs and
            data in the project's <code>.orchest</code> folder. It cannot be undone.
          </p>
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit="Delete" variant="danger" busy={busy} focusCancel />
      </form>
    </Dialog>
  );
}
