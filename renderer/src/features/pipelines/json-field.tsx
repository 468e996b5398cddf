import { useEffect, useId, useState } from 'react';
import { parseJson } from './parse-json';

export interface JsonFieldProps {
  label: string;
  value: Record<string, unknown>;
  /** Called with each text that parses to an object; a text that does not is shown with its error and not passed on. */
  onChange(value: Record<string, unknown>): void;
}

const show = (value: unknown) => JSON.stringify(value, null, 2);

/** A JSON object typed as text: where it breaks is told by line and column, and only a whole object is kept. */
export function JsonField({ label, value, onChange }: JsonFieldProps) {
  const id = useId();
  const [text, setText] = useState(() => show(value));
  const [error, setError] = useState<string | undefined>();
  // A change from elsewhere (undo, the file read again) replaces the text unless it already says the same.
  useEffect(() => {
    setText((current) => {
      const parsed = parseJson(current);
      return parsed.ok && show(parsed.value) === show(value) ? current : show(value);
    });
    setError(undefined);
  }, [value]);

  const change = (next: string) => {
    setText(next);
    const parsed = parseJson(next);
    if (!parsed.ok) return setError(`Line ${parsed.line}, column ${parsed.column}: ${parsed.message}`);
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      return setError('Give an object: { "name": value, … }');
    }
    setError(undefined);
    onChange(parsed.value as Record<string, unknown>);
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="field__input json-field"
        value={text}
        rows={Math.min(12, Math.max(3, text.split('\n').length))}
        onChange={(event) => change(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        spellCheck={false}
      />
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
