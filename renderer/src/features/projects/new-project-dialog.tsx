import { useState, type FormEvent } from 'react';
import { PROJECT_NAME_RULE, ProjectName } from '../../../../electron/contract';
import { routeStore } from '../../app/route-store';
import { formErrors, type FormErrors } from '../../bridge/request-error';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextField } from '../../components/text-field';
import { projectsStore } from '../../stores/app-stores';
import { FormError } from './form-error';

const NO_ERRORS: FormErrors = { fields: {}, form: undefined };

/** Creates a project folder in the workspace; the name is checked as it is typed, by the contract's rule. */
export function NewProjectDialog({ onClose }: { onClose(): void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [server, setServer] = useState(NO_ERRORS);
  const check = ProjectName.safeParse(name);
  const typedError = name !== '' && !check.success ? (check.error.issues[0]?.message ?? PROJECT_NAME_RULE) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check.success || busy) return;
    setBusy(true);
    try {
      const project = await projectsStore.getState().create(name);
      routeStore.getState().navigate({ name: 'project', projectId: project.uuid, tab: 'files' });
      onClose();
    } catch (error) {
      setServer(formErrors(error, ['name']));
      setBusy(false);
    }
  };

  return (
    <Dialog label="New project" onClose={onClose} testId="new-project-dialog">
      <form className="dialog__form" onSubmit={submit} noValidate>
        <div className="dialog__body">
          <p className="dialog__lead">A new folder in your workspace's projects folder.</p>
          <TextField
            label="Name"
            name="name"
            value={name}
            onChange={(value) => (setName(value), setServer(NO_ERRORS))}
            error={server.fields.name ?? typedError}
            hint={PROJECT_NAME_RULE}
            autoFocus
            required
          />
          <FormError message={server.form} />
        </div>
        <div className="dialog__footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!check.success || busy} aria-busy={busy || undefined}>
            Create
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
