import { useMemo, useState, type FormEvent } from 'react';
import { BridgeRequestError, type JobDetails, type PipelineDefinition } from '../../../../electron/contract';
import { errorMessage } from '../../bridge/request-error';
import { Button } from '../../components/button';
import { FormError } from '../../components/form-error';
import { KeyValueRows } from '../../components/key-value-rows';
import { TextField } from '../../components/text-field';
import { jobStore } from '../../stores/app-stores';
import { validateVariableRows } from '../variables/validate-variable-rows';
import { gridFields, gridOf } from './grid-fields';
import { GridValuesFields } from './grid-values-fields';
import { draftErrors, draftFieldOf, settingsOf, type When } from './job-draft';
import { JobPreviewTable } from './job-preview-table';
import { JobScheduleFields } from './job-schedule-fields';
import { SnapshotSize } from './snapshot-size';
import { useJobPreview } from './use-job-preview';
import type { JobDraftState } from './use-job-draft';

export interface JobEditorProps {
  projectId: string;
  job: JobDetails;
  definition: PipelineDefinition | undefined;
  form: JobDraftState;
}

/** A draft's (or a live cron job's) settings: name, when, the parameter grid and its runs, variables, runs to keep. */
export function JobEditor({ projectId, job, definition, form }: JobEditorProps) {
  const { draft, setDraft, unsaved, revert } = form;
  const [saving, setSaving] = useState(false);
  const [server, setServer] = useState<{ fields: Record<string, string>; form?: string | undefined }>({ fields: {} });
  const [saved, setSaved] = useState(false);
  const local = draftErrors(draft);
  const variableErrors = validateVariableRows(draft.variables);
  const grid = useMemo(() => gridOf(draft.texts), [draft.texts]);
  const { preview, error: previewError } = useJobPreview(projectId, job.pipelinePath, grid, draft.leftOut);
  const fields = useMemo(() => {
    const known = gridFields(definition);
    const missing = Object.keys(job.grid).filter((key) => !known.some((f) => f.key === key));
    return [...known, ...missing.map((key) => ({ key, label: key, current: '' }))];
  }, [definition, job.grid]);
  const columns = fields.filter((f) => f.key in grid).map((f) => ({ key: f.key, label: f.label }));
  const ready = unsaved && Object.keys(local).length === 0 && Object.keys(variableErrors).length === 0 && !saving;
  const live = job.status !== 'DRAFT';

  const edit = (change: Parameters<typeof setDraft>[0]) => {
    setDraft(change);
    setServer({ fields: {} });
    setSaved(false);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setSaving(true);
    try {
      await jobStore.getState().update(settingsOf(draft));
      setSaved(true);
    } catch (error) {
      const field = error instanceof BridgeRequestError ? draftFieldOf(error.field) : undefined;
      const message = errorMessage(error).replace(/^[\w.]+: /, '');
      setServer(field ? { fields: { [field]: message } } : { fields: {}, form: `The job could not be saved: ${errorMessage(error)}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="job-panel job-editor" aria-label="Job settings" onSubmit={(event) => void save(event)} noValidate data-testid="job-editor">
      <div className="job-editor__fields">
        <TextField label="Name" value={draft.name} onChange={(name) => edit((d) => ({ ...d, name }))} error={server.fields.name} />
        <TextField
          label="Runs to keep"
          inputMode="numeric"
          value={draft.keep}
          onChange={(keep) => edit((d) => ({ ...d, keep }))}
          error={server.fields.keep ?? local.keep}
          hint="Finished runs kept, the oldest removed first; empty keeps them all"
        />
      </div>
      <JobScheduleFields
        draft={draft}
        onWhen={(when: When) => edit((d) => ({ ...d, when }))}
        onTime={(time) => edit((d) => ({ ...d, time }))}
        onCron={(cron) => edit((d) => ({ ...d, cron }))}
        errors={{ when: server.fields.when, time: server.fields.time ?? local.time, cron: server.fields.cron ?? local.cron }}
        fixedCron={live}
      />
      <GridValuesFields
        fields={fields}
        texts={draft.texts}
        onChange={(key, text) => edit((d) => ({ ...d, texts: { ...d.texts, [key]: text }, leftOut: [] }))}
        error={server.fields.parameters ?? previewError}
      />
      {preview && <JobPreviewTable preview={preview} columns={columns} leftOut={draft.leftOut} onLeftOut={(leftOut) => edit((d) => ({ ...d, leftOut }))} />}
      <KeyValueRows
        legend="Variables"
        hint="The job's environment variables, starting from the project's and the pipeline's; kept in the app's secret store."
        rows={draft.variables}
        errorOf={(index) => variableErrors[index]}
        onChange={(variables) => edit((d) => ({ ...d, variables }))}
        masked
      />
      {server.fields.variables && <p className="field__error">{server.fields.variables}</p>}
      {job.status === 'DRAFT' && preview && <SnapshotSize snapshot={preview.snapshot} />}
      {server.fields.environment && <p className="field__error" role="alert">{server.fields.environment}</p>}
      <FormError message={server.form} />
      <div className="form-footer">
        <Button type="submit" variant="primary" disabled={!ready} aria-busy={saving || undefined}>
          Save
        </Button>
        <Button onClick={revert} disabled={!unsaved || saving}>
          Revert
        </Button>
        <span className="form-footer__status" aria-live="polite">
          {unsaved ? 'Unsaved changes' : saved ? <span className="form-footer__notice">Saved</span> : ''}
        </span>
      </div>
    </form>
  );
}
