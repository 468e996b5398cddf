import { useId } from 'react';
import type { GridField } from './grid-fields';

export interface GridValuesFieldsProps {
  fields: readonly GridField[];
  texts: Record<string, string>;
  onChange(key: string, text: string): void;
  error: string | undefined;
  disabled?: boolean;
}

/** One values field per pipeline and step parameter: a value per line, JSON or plain text. */
export function GridValuesFields({ fields, texts, onChange, error, disabled }: GridValuesFieldsProps) {
  const id = useId();
  return (
    <fieldset className="field-group job-grid" aria-describedby={`${id}-hint`}>
      <legend className="field__label">Parameters</legend>
      <p id={`${id}-hint`} className="field__hint">
        One value per line, each a run: JSON (<code>2</code>, <code>"2"</code>, <code>[1, 2]</code>) or plain text. A field left empty
        keeps the pipeline's value. Runs are every combination of the values.
      </p>
      {fields.length === 0 && <p className="muted">The pipeline and its steps have no parameters.</p>}
      <div className="job-grid__fields">
        {fields.map((field, index) => (
          <div key={field.key} className="field">
            <label className="field__label" htmlFor={`${id}-${index}`}>
              {field.label}
            </label>
            <textarea
              id={`${id}-${index}`}
              className="field__input job-grid__values"
              rows={Math.min(8, Math.max(3, (texts[field.key] ?? '').split('\n').length + 1))}
              value={texts[field.key] ?? ''}
              placeholder={field.current}
              onChange={(event) => onChange(field.key, event.target.value)}
              spellCheck={false}
              disabled={disabled}
              aria-describedby={`${id}-${index}-hint`}
            />
            <p id={`${id}-${index}-hint`} className="field__hint">
              In the pipeline: <code>{field.current}</code>
            </p>
          </div>
        ))}
      </div>
      {error && (
        <p className="field__error" role="alert" data-testid="grid-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
