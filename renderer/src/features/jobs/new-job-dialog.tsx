import { useState } from 'react';
import { routeStore } from '../../app/route-store';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { FormError } from '../../components/form-error';
import { TextField } from '../../components/text-field';
import { useFormSubmit } from '../../components/use-form-submit';
import { jobsStore } from '../../stores/app-stores';
import { useProjectListing } from '../projects/use-project-listing';
import { SelectField } from './select-field';

/** Makes a DRAFT job of one of the project's pipelines, then opens it to be set up and started. */
export function NewJobDialog({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const { items, error } = useProjectListing('pipelines.list', projectId);
  const pipelines = (items ?? []).filter((p) => !p.error && p.uuid);
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<string | undefined>();
  const path = picked ?? pipelines[0]?.path ?? '';
  const ready = name.trim() !== '' && path !== '';

  const { busy, server, clearServer, submit } = useFormSubmit(['name', 'path'], async () => {
    const job = await jobsStore.getState().create(projectId, path, name.trim());
    routeStore.getState().navigate({ name: 'project', projectId, tab: 'jobs', job: job.uuid });
    onClose();
  });

  return (
    <Dialog label="New job" onClose={onClose} testId="new-job-dialog">
      <form className="dialog__form" onSubmit={(event) => submit(event, ready)} noValidate>
        <div className="dialog__body">
          {items && pipelines.length === 0 ? (
            <p className="callout" role="alert">
              This project has no pipeline a job can run (a readable <code>.orchest</code> file with a uuid).
            </p>
          ) : (
            <SelectField
              label="Pipeline"
              value={path}
              options={pipelines.map((p) => ({ value: p.path, label: `${p.name ?? 'Untitled'} (${p.path})` }))}
              onChange={(value) => (setPicked(value), clearServer())}
              error={server.fields.path ?? (error ? `The pipelines cannot be listed: ${error}` : undefined)}
              disabled={!items}
            />
          )}
          <TextField label="Name" name="name" value={name} onChange={(value) => (setName(value), clearServer())} error={server.fields.name} autoFocus required />
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit="Create draft" ready={ready} busy={busy} />
      </form>
    </Dialog>
  );
}
