import { routeStore } from '../../app/route-store';
import { ConfirmDeleteDialog } from '../../components/confirm-delete-dialog';
import { jobStore } from '../../stores/app-stores';

/** Deletes the open job (its runs going are cancelled), its snapshot and its runs' folders. */
export function DeleteJobDialog({ projectId, name, onClose }: { projectId: string; name: string; onClose(): void }) {
  const remove = async () => {
    await jobStore.getState().remove();
    routeStore.getState().navigate({ name: 'project', projectId, tab: 'jobs' });
  };
  return (
    <ConfirmDeleteDialog label="Delete job" testId="delete-job-dialog" remove={remove} onClose={onClose}>
      This deletes the job <strong>{name}</strong>: runs still going are cancelled, and its snapshot, its runs and their
      logs are removed. Images locked only for it are released. It cannot be undone.
    </ConfirmDeleteDialog>
  );
}
