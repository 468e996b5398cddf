import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { splitList } from './service-form';

export interface InheritFieldProps {
  value: string;
  error: string | undefined;
  /** The project's and pipeline's variable names, offered as one-click additions. */
  variableNames: readonly string[];
  onChange(value: string): void;
}

/** Names of project and pipeline variables the service sees; they override its own variables. */
export function InheritField({ value, error, variableNames, onChange }: InheritFieldProps) {
  const listed = new Set(splitList(value));
  const offered = variableNames.filter((name) => !listed.has(name));
  return (
    <div className="inherit-field">
      <TextField
        label="Inherited environment variables"
        name="inherit"
        value={value}
        onChange={onChange}
        error={error}
        hint="Names of project or pipeline variables, separated by commas; they override the variables above"
        placeholder="API_TOKEN, DATABASE_URL"
      />
      {offered.length > 0 && (
        <div className="inherit-field__offers" role="group" aria-label="Variables to inherit">
          {offered.map((name) => (
            <Button key={name} size="small" variant="ghost" onClick={() => onChange([...listed, name].join(', '))}>
              + {name}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
