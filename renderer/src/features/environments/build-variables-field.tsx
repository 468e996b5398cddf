import { CheckboxField } from '../../components/checkbox-field';
import { useVariableNames } from '../services/use-variable-names';

export interface BuildVariablesFieldProps {
  projectId: string;
  selected: readonly string[];
  onChange(selected: string[]): void;
  error?: string | undefined;
}

/** The project's variables the set-up script may see; a selected name the project no longer sets stays listed. */
export function BuildVariablesField({ projectId, selected, onChange, error }: BuildVariablesFieldProps) {
  const names = useVariableNames(projectId, undefined);
  const listed = [...new Set([...names, ...selected])].sort();
  const toggle = (name: string) => (checked: boolean) => onChange(checked ? [...selected, name] : selected.filter((n) => n !== name));
  return (
    <fieldset className="field">
      <legend className="field__label">Build variables</legend>
      <p className="muted">
        Project variables the set-up script sees as environment variables, e.g. a private package index's token. Their values are
        passed as build secrets and never stored in the image.
      </p>
      {listed.length === 0 && <p className="muted">This project has no variables: add them in the project's Variables.</p>}
      {listed.map((name) => (
        <CheckboxField
          key={name}
          label={name}
          checked={selected.includes(name)}
          onChange={toggle(name)}
          hint={names.includes(name) ? undefined : 'Not set in the project: a build fails until it is'}
        />
      ))}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
