import { useId } from 'react';
import type { Theme } from '../../app/theme';

const OPTIONS: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Three radio buttons in a group named "Theme". */
export function ThemeChoice({ value, onChange, error }: { value: Theme; onChange(theme: Theme): void; error?: string | undefined }) {
  const name = useId();
  return (
    <fieldset className="field choice" aria-invalid={error ? true : undefined}>
      <legend className="field__label">Theme</legend>
      <div className="choice__options">
        {OPTIONS.map((option) => (
          <label key={option.value} className="choice__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
