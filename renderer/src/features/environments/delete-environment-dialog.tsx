import { routeStore } from '../../app/route-store';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { FormError } from '../../components/form-error';
import { useFormSubmit } from '../../components/use-form-submit';
import { environmentsStore } from '../../stores/app-stores';

export interface DeleteEnvironmentDialogProps {
  projectId: string;
  uuid: string;
  name: string;
  onClose(): void;
}

/** Deletes the environment's folder; the main process refuses while a session's service uses it, and says which. */
export function DeleteEnvironmentDialog({ projectId, uuid, name, onClose }: DeleteEnvironmentDialogProps) {
  const { busy, server, submit } = useFormSubmit([], async () => {
    await environmentsStore.getState().remove(uuid);
    routeStore.getState().navigate({ name: 'project', projectId, tab: 'environments' });
    onClose();
  });

  return (
    <Dialog label="Delete environment" onClose={onClose} testId="delete-environment-dialog">
      <form className="dialog__form" onSubmit={(event) => submit(event)} noValidate>
        <div className="dialog__body">
          <p className="dialog__lead dialog__lead--danger">
            This deletes <strong>{name || 'the environment'}</strong>: its folder <code>.orchest/environments/{uuid}</code> with
            its set-up script. Services that use it will have no image. It cannot be undone.
          </p>
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit="Delete" variant="danger" busy={busy} focusCancel />
      </form>
    </Dialog>
  );
}
