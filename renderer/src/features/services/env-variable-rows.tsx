import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import type { EnvRow } from './service-form';
import type { ServiceFormErrors } from './validate-service-form';

export interface EnvVariableRowsProps {
  rows: EnvRow[];
  errors: ServiceFormErrors;
  onChange(rows: EnvRow[]): void;
}

/** The service's own environment variables as name/value rows; versioned with the pipeline, so no secrets. */
export function EnvVariableRows({ rows, errors, onChange }: EnvVariableRowsProps) {
  const change = (index: number, patch: Partial<EnvRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <fieldset className="field-group">
      <legend className="field__label">Environment variables</legend>
      <p className="field__hint">Written into the pipeline file: keep secrets in project or pipeline variables and inherit them.</p>
      {rows.length > 0 && (
        <ul className="env-rows">
          {rows.map((row, index) => {
            const error = errors[`env.${index}`];
            const errorId = `env-error-${index}`;
            return (
              <li key={index} className="env-rows__row">
                <input
                  className="field__input env-rows__name"
                  aria-label={`Name of variable ${index + 1}`}
                  placeholder="NAME"
                  value={row.name}
                  onChange={(event) => change(index, { name: event.target.value })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  spellCheck={false}
                  autoComplete="off"
                />
                <input
                  className="field__input env-rows__value"
                  aria-label={`Value of variable ${index + 1}`}
                  placeholder="value"
                  value={row.value}
                  onChange={(event) => change(index, { value: event.target.value })}
                  spellCheck={false}
                  autoComplete="off"
                />
                <Button
                  variant="ghost"
                  size="small"
                  aria-label={`Remove variable ${index + 1}`}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  <Icon name="trash" />
                </Button>
                {error && (
                  <p id={errorId} className="field__error env-rows__error" aria-live="polite">
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <Button size="small" onClick={() => onChange([...rows, { name: '', value: '' }])}>
          <Icon name="plus" />
          Add variable
        </Button>
      </div>
    </fieldset>
  );
}
