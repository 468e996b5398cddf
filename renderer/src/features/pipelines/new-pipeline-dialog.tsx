import { useState } from 'react';
import { routeStore } from '../../app/route-store';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { TextField } from '../../components/text-field';
import { useFormSubmit } from '../../components/use-form-submit';
import { bridge } from '../../bridge/client';
import { FormError } from '../../components/form-error';
import { pipelineNameError, pipelinePathError, suggestedPipelinePath } from './pipeline-path';

/** Writes a new, empty pipeline file into the project; the path follows the name until it is edited. */
export function NewPipelineDialog({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const [name, setName] = useState('');
  const [typedPath, setTypedPath] = useState<string | undefined>();
  const path = typedPath ?? (name.trim() ? suggestedPipelinePath(name) : '');
  const nameError = pipelineNameError(name);
  const pathError = pipelinePathError(path);
  const ready = name.trim() !== '' && path !== '' && !nameError && !pathError;

  const { busy, server, clearServer, submit } = useFormSubmit(['name', 'path'], async () => {
    const created = await bridge.request('pipelines.create', { projectId, path, name: name.trim() });
    routeStore.getState().navigate({ name: 'pipeline', projectId, path: created.path, section: 'overview' });
    onClose();
  });

  return (
    <Dialog label="New pipeline" onClose={onClose} testId="new-pipeline-dialog">
      <form className="dialog__form" onSubmit={(event) => submit(event, ready)} noValidate>
        <div className="dialog__body">
          <TextField
            label="Name"
            name="name"
            value={name}
            onChange={(value) => (setName(value), clearServer())}
            error={server.fields.name ?? nameError}
            autoFocus
            required
          />
          <TextField
            label="Path"
            name="path"
            value={path}
            onChange={(value) => (setTypedPath(value), clearServer())}
            error={server.fields.path ?? pathError}
            hint="Relative to the project's folder, ending in .orchest"
            placeholder="analysis.orchest"
            required
          />
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit="Create" ready={ready} busy={busy} />
      </form>
    </Dialog>
  );
}
