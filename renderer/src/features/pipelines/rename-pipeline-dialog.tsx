import { useState } from 'react';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { TextField } from '../../components/text-field';
import { useFormSubmit } from '../../components/use-form-submit';
import { pipelineStore } from '../../stores/app-stores';
import { FormError } from '../../components/form-error';
import { pipelineNameError } from './pipeline-path';

/** Renames the open pipeline; the file keeps its path. */
export function RenamePipelineDialog({ name: before, onClose }: { name: string; onClose(): void }) {
  const [name, setName] = useState(before);
  const typedError = pipelineNameError(name);
  const ready = name.trim() !== '' && !typedError && name !== before;

  const { busy, server, clearServer, submit } = useFormSubmit(['name'], async () => {
    await pipelineStore.getState().rename(name.trim());
    onClose();
  });

  return (
    <Dialog label="Rename pipeline" onClose={onClose} testId="rename-pipeline-dialog">
      <form className="dialog__form" onSubmit={(event) => submit(event, ready)} noValidate>
        <div className="dialog__body">
          <TextField
            label="Name"
            name="name"
            value={name}
            onChange={(value) => (setName(value), clearServer())}
            error={server.fields.name ?? typedError}
            autoFocus
            required
          />
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit="Rename" ready={ready} busy={busy} />
      </form>
    </Dialog>
  );
}
