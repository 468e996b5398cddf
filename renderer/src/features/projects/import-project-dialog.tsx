import { useState, type FormEvent } from 'react';
import { routeStore } from '../../app/route-store';
import { formErrors, type FormErrors } from '../../bridge/request-error';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextField } from '../../components/text-field';
import { projectsStore } from '../../stores/app-stores';
import { FormError } from './form-error';

const NO_ERRORS: FormErrors = { fields: {}, form: undefined };

/** Lists an existing folder as a project, in place. A typed path: the host cannot open a native picker. */
export function ImportProjectDialog({ onClose }: { onClose(): void }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [server, setServer] = useState(NO_ERRORS);
  const ready = path.trim() !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    try {
      const project = await projectsStore.getState().importFolder(path.trim());
      routeStore.getState().navigate({ name: 'project', projectId: project.uuid, tab: 'files' });
      onClose();
    } catch (error) {
      setServer(formErrors(error, ['path']));
      setBusy(false);
    }
  };

  return (
    <Dialog label="Import folder" onClose={onClose} testId="import-project-dialog">
      <form className="dialog__form" onSubmit={submit} noValidate>
        <div className="dialog__body">
          <p className="dialog__lead">
            The folder stays where it is: nothing is moved or copied. Its name becomes the project's name.
          </p>
          <TextField
            label="Folder path"
            name="path"
            value={path}
            onChange={(value) => (setPath(value), setServer(NO_ERRORS))}
            error={server.fields.path}
            hint="The full path of the folder, e.g. /home/you/code/my-pipelines"
            placeholder="/path/to/folder"
            autoFocus
            required
          />
          <FormError message={server.form} />
        </div>
        <div className="dialog__footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!ready || busy} aria-busy={busy || undefined}>
            Import
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
