import { routeStore } from '../../app/route-store';
import { ConfirmDeleteDialog } from '../../components/confirm-delete-dialog';
import { environmentsStore } from '../../stores/app-stores';

export interface DeleteEnvironmentDialogProps {
  projectId: string;
  uuid: string;
  name: string;
  onClose(): void;
}

/** Deletes the environment's folder; the main process refuses while a session's service uses it, and says which. */
export function DeleteEnvironmentDialog({ projectId, uuid, name, onClose }: DeleteEnvironmentDialogProps) {
  const remove = async () => {
    await environmentsStore.getState().remove(uuid);
    routeStore.getState().navigate({ name: 'project', projectId, tab: 'environments' });
  };
  return (
    <ConfirmDeleteDialog label="Delete environment" testId="delete-environment-dialog" remove={remove} onClose={onClose}>
      This deletes <strong>{name || 'the environment'}</strong>: its folder <code>.orchest/environments/{uuid}</code> with its
      set-up script. Services that use it will have no image. It cannot be undone.
    </ConfirmDeleteDialog>
  );
}
