import type { EnvironmentSummary } from '../../../../electron/contract';
import { CheckboxField } from '../../components/checkbox-field';
import { TextField } from '../../components/text-field';
import { EnvVariableRows } from './env-variable-rows';
import { ImageField } from './image-field';
import { InheritField } from './inherit-field';
import type { ServiceForm } from './service-form';
import type { ServiceFormErrors } from './validate-service-form';

export interface ServiceFieldsProps {
  form: ServiceForm;
  errors: ServiceFormErrors;
  environments: readonly EnvironmentSummary[];
  variableNames: readonly string[];
  onChange(form: ServiceForm): void;
}

/** Every field of a service, each with its own error as it is typed. */
export function ServiceFields({ form, errors, environments, variableNames, onChange }: ServiceFieldsProps) {
  const set = <K extends keyof ServiceForm>(key: K) => (value: ServiceForm[K]) => onChange({ ...form, [key]: value });
  const scopeError = errors.scope;

  return (
    <div className="service-fields">
      <div className="service-fields__grid">
        <TextField
          label="Name"
          name="name"
          value={form.name}
          onChange={set('name')}
          error={errors.name}
          hint="Steps reach the service at this host name"
        />
        <TextField
          label="Ports"
          name="ports"
          value={form.ports}
          onChange={set('ports')}
          error={errors.ports}
          hint="The ports the container listens on, separated by commas"
          placeholder="8080"
          inputMode="numeric"
        />
        <ImageField value={form.image} error={errors.image} environments={environments} onChange={set('image')} />
        <TextField
          label="Command"
          name="command"
          value={form.command}
          onChange={set('command')}
          hint="The entrypoint, one executable (not split); empty = the image's own"
          placeholder="The image's entrypoint"
        />
        <TextField
          label="Args"
          name="args"
          value={form.args}
          onChange={set('args')}
          hint="Split as a shell would; empty = the image's command"
          placeholder="The image's command"
        />
        <fieldset className="field-group" aria-describedby={scopeError ? 'scope-error' : undefined}>
          <legend className="field__label">Scope</legend>
          <div className="field-group__row">
            <CheckboxField label="Interactive sessions" checked={form.interactive} onChange={set('interactive')} />
            <CheckboxField label="Job sessions" checked={form.noninteractive} onChange={set('noninteractive')} />
          </div>
          {scopeError && (
            <p id="scope-error" className="field__error" aria-live="polite">
              {scopeError}
            </p>
          )}
        </fieldset>
        <TextField
          label="Project directory mount path"
          name="projectDir"
          value={form.projectDir}
          onChange={set('projectDir')}
          error={errors.projectDir}
          hint="Where the project's folder appears in the container; empty = not mounted"
          placeholder="/project-dir"
        />
        <TextField
          label="Data directory mount path"
          name="dataDir"
          value={form.dataDir}
          onChange={set('dataDir')}
          error={errors.dataDir}
          hint="Where the workspace's data folder appears; empty = not mounted"
          placeholder="/data"
        />
      </div>
      <EnvVariableRows rows={form.env} errors={errors} onChange={set('env')} />
      <InheritField value={form.inherit} error={errors.inherit} variableNames={variableNames} onChange={set('inherit')} />
      <div className="service-fields__flags">
        <CheckboxField
          label="Exposed"
          checked={form.exposed}
          onChange={set('exposed')}
          hint="Reachable from the browser through the app's proxy"
        />
        <CheckboxField
          label="Requires authentication"
          checked={form.requiresAuthentication}
          onChange={set('requiresAuthentication')}
          hint="The proxy asks for the app's token before it lets a browser in"
        />
        <CheckboxField
          label="Preserve base path"
          checked={form.preserveBasePath}
          onChange={set('preserveBasePath')}
          hint="Pass the full URL path to the service, for apps that serve under a prefix"
        />
      </div>
    </div>
  );
}
