import { useState } from 'react';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { FormError } from '../../components/form-error';
import { TextField } from '../../components/text-field';
import { useFormSubmit } from '../../components/use-form-submit';
import { nameProblem } from './entry-words';

export interface EntryNameDialogProps {
  label: 'New file' | 'New folder' | 'Rename';
  /** Where the entry is (or goes), in words. */
  lead: string;
  initial: string;
  submitLabel: string;
  /** Takes a path from the project folder too (a rename that moves). */
  allowPath?: boolean;
  hint?: string;
  /** Acts on the name; a refusal from the main process is shown in the dialog, which stays open. */
  onSubmit(name: string): Promise<void>;
  onClose(): void;
}

/** Asks for the name of a new file or folder, or a new name for one. */
export function EntryNameDialog({ label, lead, initial, submitLabel, allowPath = false, hint, onSubmit, onClose }: EntryNameDialogProps) {
  const [name, setName] = useState(initial);
  const problem = nameProblem(name, allowPath);
  const { busy, server, clearServer, submit } = useFormSubmit([], async () => {
    await onSubmit(name);
    onClose();
  });

  return (
    <Dialog label={label} onClose={onClose} testId="entry-name-dialog">
      <form className="dialog__form" onSubmit={(event) => submit(event, !problem)} noValidate>
        <div className="dialog__body">
          <p className="dialog__lead">{lead}</p>
          <TextField
            label="Name"
            name="name"
            value={name}
            onChange={(value) => (setName(value), clearServer())}
            error={name === initial ? undefined : problem}
            hint={hint}
            autoFocus
            required
          />
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit={submitLabel} ready={!problem && name !== initial} busy={busy} />
      </form>
    </Dialog>
  );
}
