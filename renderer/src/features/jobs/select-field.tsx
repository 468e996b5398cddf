import { useId } from 'react';

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  error?: string | undefined;
  hint?: string | undefined;
  disabled?: boolean;
}

/** A labelled <select> in the text fields' look, its error or hint under it. */
export function SelectField<T extends string>({ label, value, options, onChange, error, hint, disabled }: SelectFieldProps<T>) {
  const id = useId();
  const note = error ?? hint;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__input"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as T)}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? `${id}-note` : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {note && (
        <p id={`${id}-note`} className={error ? 'field__error' : 'field__hint'} aria-live="polite">
          {note}
        </p>
      )}
    </div>
  );
}
