import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';

/** Asks before a service leaves the list; the file changes when the services are saved. */
export function DeleteServiceDialog({ name, onConfirm, onClose }: { name: string; onConfirm(): void; onClose(): void }) {
  return (
    <Dialog label="Delete service" onClose={onClose} testId="delete-service-dialog">
      <div className="dialog__body">
        <p className="dialog__lead">
          Remove <strong>{name || 'this service'}</strong> from the pipeline? The pipeline file changes when you save.
        </p>
      </div>
      <div className="dialog__footer">
        <Button onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm}>
          Delete
        </Button>
      </div>
    </Dialog>
  );
}
