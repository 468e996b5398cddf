import { useState } from 'react';
import { routeStore } from '../../app/route-store';
import { useFormSubmit } from '../../components/use-form-submit';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { TextField } from '../../components/text-field';
import { projectsStore } from '../../stores/app-stores';
import { FormError } from '../../components/form-error';

/** Lists an existing folder as a project, in place. A typed path: the host cannot open a native picker. */
export function ImportProjectDialog({ onClose }: { onClose(): void }) {
  const [path, setPath] = useState('');
  const ready = path.trim() !== '';

  const { busy, server, clearServer, submit } = useFormSubmit(['path'], async () => {
    const project = await projectsStore.getState().importFolder(path.trim());
    routeStore.getState().navigate({ name: 'project', projectId: project.uuid, tab: 'files' });
    onClose();
  });

  return (
    <Dialog label="Import folder" onClose={onClose} testId="import-project-dialog">
      <form className="dialog__form" onSubmit={(event) => submit(event, ready)} noValidate>
        <div className="dialog__body">
          <p className="dialog__lead">
            The folder stays where it is: nothing is moved or copied. Its name becomes the project's name.
          </p>
          <TextField
            label="Folder path"
            name="path"
            value={path}
            onChange={(value) => (setPath(value), clearServer())}
            error={server.fields.path}
            hint="The full path of the folder, e.g. /home/you/code/my-pipelines"
            placeholder="/path/to/folder"
            autoFocus
            required
          />
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit="Import" ready={ready} busy={busy} />
      </form>
    </Dialog>
  );
}
