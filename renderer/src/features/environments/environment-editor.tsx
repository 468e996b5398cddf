import { lazy, Suspense, useId, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { EnvironmentLanguage, type EnvironmentFields } from '../../../../electron/contract';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/checkbox-field';
import { FormError } from '../../components/form-error';
import { TextField } from '../../components/text-field';
import { environmentsStore } from '../../stores/app-stores';
import { fieldsOf, sameFields, validateEnvironmentFields } from '../../stores/environment-draft';
import type { EnvironmentEntry } from '../../stores/environment-entry';
import { BuildVariablesField } from './build-variables-field';

const SetupScriptEditor = lazy(() => import('./setup-script-editor'));

/** Orchest's base images (client/environments-view). */
const BASE_IMAGES = ['orchest/base-kernel-py', 'orchest/base-kernel-r', 'orchest/base-kernel-julia', 'orchest/base-kernel-javascript'];

/** The environment's fields and set-up script; edits stay a draft until saved, whatever is looked at meanwhile. */
export function EnvironmentEditor({ entry }: { entry: EnvironmentEntry }) {
  const { uuid } = entry.environment;
  const saved = fieldsOf(entry.environment);
  const fields = entry.draft ?? saved;
  const dirty = entry.draft !== undefined && !sameFields(entry.draft, saved);
  const errors = { ...validateEnvironmentFields(fields), ...entry.fieldErrors };
  const valid = Object.keys(validateEnvironmentFields(fields)).length === 0;
  const listId = useId();
  const languageId = useId();
  const scriptId = useId();
  const store = environmentsStore.getState();
  const projectId = useStore(environmentsStore, (s) => s.projectId);

  const set = <K extends keyof EnvironmentFields>(name: K) => (value: EnvironmentFields[K]) => {
    const next = { ...fields, [name]: value };
    store.edit(uuid, sameFields(next, saved) ? undefined : next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty && valid) void store.save(uuid);
  };

  return (
    <form className="environment-editor" aria-label="Environment" onSubmit={submit} noValidate>
      <div className="environment-editor__fields">
        <TextField label="Name" name="name" value={fields.name} onChange={set('name')} error={errors.name} />
        <TextField
          label="Base image"
          name="baseImage"
          value={fields.baseImage}
          onChange={set('baseImage')}
          error={errors.baseImage}
          hint="Orchest's images or any image on your engine or its registries"
          list={listId}
        />
        <datalist id={listId}>
          {BASE_IMAGES.map((image) => (
            <option key={image} value={image} />
          ))}
        </datalist>
        <div className="field">
          <label className="field__label" htmlFor={languageId}>
            Language
          </label>
          <select
            id={languageId}
            className="field__input field__select"
            value={fields.language}
            onChange={(event) => set('language')(EnvironmentLanguage.parse(event.target.value))}
          >
            {EnvironmentLanguage.options.map((language) => (
              <option key={language} value={language}>
                {language}
              </option>
            ))}
          </select>
        </div>
        <CheckboxField label="GPU support" checked={fields.gpuSupport} onChange={set('gpuSupport')} hint="Saved for Orchest; builds here do not use a GPU" />
      </div>
      <div className="field">
        <span className="field__label" id={scriptId}>
          Set-up script
        </span>
        <Suspense fallback={<p className="script-editor script-editor--loading muted">Loading the editor…</p>}>
          <SetupScriptEditor key={uuid} value={fields.setupScript} onChange={set('setupScript')} label="Set-up script" describedBy={errors.setupScript ? `${scriptId}-error` : undefined} />
        </Suspense>
        {errors.setupScript && (
          <p id={`${scriptId}-error`} className="field__error">
            {errors.setupScript}
          </p>
        )}
      </div>
      {projectId && (
        <BuildVariablesField projectId={projectId} selected={fields.buildVariables ?? []} onChange={set('buildVariables')} error={errors.buildVariables} />
      )}
      <footer className="form-footer">
        <div className="form-footer__status" aria-live="polite">
          {dirty && <span className="environment-editor__unsaved">Unsaved changes</span>}
          <FormError message={entry.saveError} />
        </div>
        <Button onClick={() => store.edit(uuid, undefined)} disabled={!dirty || entry.saving}>
          Discard changes
        </Button>
        <Button type="submit" variant="primary" disabled={!dirty || !valid || entry.saving} aria-busy={entry.saving || undefined}>
          Save
        </Button>
      </footer>
    </form>
  );
}
