import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { DialogFooter } from './dialog-footer';
import { FormError } from './form-error';
import { useFormSubmit } from './use-form-submit';

export interface ConfirmDeleteDialogProps {
  label: string;
  testId: string;
  /** What goes, in words. */
  children: ReactNode;
  /** Deletes; a refusal from the main process is shown in the dialog, which stays open. */
  remove(): Promise<void>;
  onClose(): void;
}

/** Asks before something is deleted on disk, with Cancel focused. */
export function ConfirmDeleteDialog({ label, testId, children, remove, onClose }: ConfirmDeleteDialogProps) {
  const { busy, server, submit } = useFormSubmit([], async () => {
    await remove();
    onClose();
  });

  return (
    <Dialog label={label} onClose={onClose} testId={testId}>
      <form className="dialog__form" onSubmit={(event) => submit(event)} noValidate>
        <div className="dialog__body">
          <p className="dialog__lead dialog__lead--danger">{children}</p>
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit="Delete" variant="danger" busy={busy} focusCancel />
      </form>
    </Dialog>
  );
}
