import { Button } from '../../components/button';
import { KeyValueRows } from '../../components/key-value-rows';
import { FormError } from '../../components/form-error';
import { InheritedVariables } from './inherited-variables';
import { useVariablesEditor } from './use-variables-editor';
import { VariablesNote } from './variables-note';

const PROJECT_HINT = "Every pipeline of the project inherits these; a pipeline's own value of the same name wins.";
const PIPELINE_HINT = 'Pipeline values override project values.';

/** The project's variables, or a pipeline's when `pipelineUuid` is given: masked rows and one Save. */
export function VariablesTab({ projectId, pipelineUuid }: { projectId: string; pipelineUuid?: string | undefined }) {
  const editor = useVariablesEditor(projectId, pipelineUuid);
  const label = pipelineUuid === undefined ? 'Project variables' : 'Pipeline variables';
  if (editor.loadError) {
    return (
      <p className="callout callout--error" role="alert">
        The variables cannot be read: {editor.loadError}
      </p>
    );
  }
  if (!editor.sets) return <p className="muted">Reading the variables…</p>;
  const problems = editor.rows.filter((_, index) => editor.errorOf(index)).length;

  return (
    <form className="variables" aria-label={label} onSubmit={(event) => (event.preventDefault(), void editor.save())} noValidate>
      <VariablesNote />
      <KeyValueRows
        key={editor.generation}
        legend={label}
        hint={pipelineUuid === undefined ? PROJECT_HINT : PIPELINE_HINT}
        rows={editor.rows}
        errorOf={editor.errorOf}
        onChange={editor.edit}
        masked
      />
      {pipelineUuid !== undefined && (
        <InheritedVariables project={editor.sets.project} overridden={new Set(editor.rows.map((row) => row.name))} />
      )}
      <footer className="form-footer">
        <div className="form-footer__status" aria-live="polite">
          {editor.notice && (
            <span className="form-footer__notice" data-testid="variables-notice">
              {editor.notice}
            </span>
          )}
          {problems > 0 && (
            <span className="variables__problems">
              {problems === 1 ? 'One variable has a problem to fix before saving.' : `${problems} variables have problems to fix before saving.`}
            </span>
          )}
          <FormError message={editor.formError} />
        </div>
        <Button onClick={editor.discard} disabled={!editor.dirty || editor.saving}>
          Discard changes
        </Button>
        <Button type="submit" variant="primary" disabled={!editor.dirty || problems > 0 || editor.saving} aria-busy={editor.saving || undefined}>
          Save
        </Button>
      </footer>
    </form>
  );
}
