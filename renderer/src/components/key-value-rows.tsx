import { useId, useState, type ReactNode } from 'react';
import { Button } from './button';
import { Icon } from './icon';
import { RevealButton } from './reveal-button';

export interface KeyValueRow {
  name: string;
  value: string;
}

export interface KeyValueRowsProps {
  legend: string;
  hint?: ReactNode;
  rows: readonly KeyValueRow[];
  /** The row's problem, if it has one. */
  errorOf(index: number): string | undefined;
  onChange(rows: KeyValueRow[]): void;
  /** Values are secrets: typed as passwords, each with its own show toggle. */
  masked?: boolean;
}

/** Name/value rows with add and remove, each row's error under it. */
export function KeyValueRows({ legend, hint, rows, errorOf, onChange, masked = false }: KeyValueRowsProps) {
  const id = useId();
  // Indices of the values shown in clear; a remount (a new key) hides them all again.
  const [shown, setShown] = useState<ReadonlySet<number>>(new Set());
  const change = (index: number, patch: Partial<KeyValueRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const toggle = (index: number) =>
    setShown((before) => (before.has(index) ? new Set([...before].filter((i) => i !== index)) : new Set([...before, index])));
  const remove = (index: number) => {
    setShown((before) => new Set([...before].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i))));
    onChange(rows.filter((_, i) => i !== index));
  };

  return (
    <fieldset className="field-group">
      <legend className="field__label">{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      {rows.length > 0 && (
        <ul className={masked ? 'env-rows env-rows--masked' : 'env-rows'}>
          {rows.map((row, index) => {
            const error = errorOf(index);
            const errorId = `${id}-error-${index}`;
            const clear = !masked || shown.has(index);
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
                  type={clear ? 'text' : 'password'}
                  aria-label={`Value of variable ${index + 1}`}
                  placeholder="value"
                  value={row.value}
                  onChange={(event) => change(index, { value: event.target.value })}
                  spellCheck={false}
                  autoComplete="off"
                />
                {masked && <RevealButton label={`Show value of variable ${index + 1}`} shown={clear} onToggle={() => toggle(index)} />}
                <Button variant="ghost" size="small" aria-label={`Remove variable ${index + 1}`} onClick={() => remove(index)}>
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
