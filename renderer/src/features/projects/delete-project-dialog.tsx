import { useState } from 'react';
import type { Project } from '../../../../electron/contract';
import { HOME } from '../../app/route';
import { routeStore } from '../../app/route-store';
import { useFormSubmit } from '../../components/use-form-submit';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { TextField } from '../../components/text-field';
import { projectsStore } from '../../stores/app-stores';
import { FormError } from '../../components/form-error';

/** Deleting asks for the project's name typed again; an imported folder is only taken off the list. */
export function DeleteProjectDialog({ project, onClose }: { project: Project; onClose(): void }) {
  const [typed, setTyped] = useState('');
  const matches = typed === project.name;

  const { busy, server, clearServer, submit } = useFormSubmit(['confirmName'], async () => {
    await projectsStore.getState().remove(project.uuid, typed);
    routeStore.getState().navigate(HOME);
    onClose();
  });

  return (
    <Dialog label="Delete project" onClose={onClose} testId="delete-project-dialog">
      <form className="dialog__form" onSubmit={(event) => submit(event, matches)} noValidate>
        <div className="dialog__body">
          {project.external ? (
            <p className="dialog__lead" data-testid="delete-consequence">
              <strong>{project.name}</strong> was imported. It is only removed from the list: the folder{' '}
              <code>{project.path}</code> and its files stay where they are.
            </p>
          ) : (
            <p className="dialog__lead dialog__lead--danger" data-testid="delete-consequence">
              This deletes the folder <code>{project.path}</code> and every file in it. It cannot be undone.
            </p>
          )}
          <TextField
            label="Project name"
            name="confirmName"
            value={typed}
            onChange={(value) => (setTyped(value), clearServer())}
            error={server.fields.confirmName}
            hint={`Type ${project.name} to confirm.`}
            autoFocus
          />
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit={project.external ? 'Remove from list' : 'Delete'} variant="danger" ready={matches} busy={busy} />
      </form>
    </Dialog>
  );
}
