import { useState } from 'react';
import { PROJECT_NAME_RULE, ProjectName } from '../../../../electron/contract';
import { routeStore } from '../../app/route-store';
import { useFormSubmit } from '../../components/use-form-submit';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { TextField } from '../../components/text-field';
import { projectsStore } from '../../stores/app-stores';
import { FormError } from '../../components/form-error';

/** Creates a project folder in the workspace; the name is checked as it is typed, by the contract's rule. */
export function NewProjectDialog({ onClose }: { onClose(): void }) {
  const [name, setName] = useState('');
  const check = ProjectName.safeParse(name);
  const typedError = name !== '' && !check.success ? (check.error.issues[0]?.message ?? PROJECT_NAME_RULE) : undefined;

  const { busy, server, clearServer, submit } = useFormSubmit(['name'], async () => {
    const project = await projectsStore.getState().create(name);
    routeStore.getState().navigate({ name: 'project', projectId: project.uuid, tab: 'files' });
    onClose();
  });

  return (
    <Dialog label="New project" onClose={onClose} testId="new-project-dialog">
      <form className="dialog__form" onSubmit={(event) => submit(event, check.success)} noValidate>
        <div className="dialog__body">
          <p className="dialog__lead">A new folder in your workspace's projects folder.</p>
          <TextField
            label="Name"
            name="name"
            value={name}
            onChange={(value) => (setName(value), clearServer())}
            error={server.fields.name ?? typedError}
            hint={PROJECT_NAME_RULE}
            autoFocus
            required
          />
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit="Create" ready={check.success} busy={busy} />
      </form>
    </Dialog>
  );
}
