import { useId } from 'react';
import type { EnvironmentSummary } from '../../../../electron/contract';
import { TextField } from '../../components/text-field';

const PREFIX = 'environment@';

export interface ImageFieldProps {
  value: string;
  error: string | undefined;
  environments: readonly EnvironmentSummary[];
  onChange(value: string): void;
}

/** A Docker image typed in, or one of the project's environments (saved as environment@<uuid>). */
export function ImageField({ value, error, environments, onChange }: ImageFieldProps) {
  const selectId = useId();
  const chosen = value.startsWith(PREFIX) ? value.slice(PREFIX.length) : '';
  const environment = environments.find((e) => e.uuid === chosen);
  const hint = chosen
    ? environment
      ? `The image built from the environment ${environment.name ?? chosen}`
      : 'This project has no environment with that uuid'
    : 'A Docker image, e.g. redis:7, or an environment of this project';

  return (
    <div className="image-field">
      <TextField label="Image" name="image" value={value} onChange={onChange} error={error} hint={hint} placeholder="redis:7" />
      <div className="field">
        <label className="field__label" htmlFor={selectId}>
          Environment
        </label>
        <select
          id={selectId}
          className="field__input field__select"
          value={chosen && environment ? chosen : ''}
          onChange={(event) => onChange(event.target.value ? `${PREFIX}${event.target.value}` : '')}
          disabled={environments.length === 0}
        >
          <option value="">{environments.length === 0 ? 'No environments' : 'None: use the image'}</option>
          {environments.map((e) => (
            <option key={e.uuid} value={e.uuid} disabled={Boolean(e.error)}>
              {e.name ?? e.uuid}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
