import { useId, type ComponentProps } from 'react';

export interface TextFieldProps extends Omit<ComponentProps<'input'>, 'value' | 'onChange'> {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Shown in place of the hint, and marks the field invalid. */
  error?: string | undefined;
  hint?: string | undefined;
}

export function TextField({ label, value, onChange, error, hint, className, ...rest }: TextFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        spellCheck={false}
        autoComplete="off"
        {...rest}
      />
      {note && (
        <p id={noteId} className={error ? 'field__error' : 'field__hint'} aria-live="polite">
          {note}
        </p>
      )}
    </div>
  );
}
