import { ENV_VAR_NAME_PATTERN, ENV_VAR_NAME_RULE, SERVICE_NAME_PATTERN, SERVICE_NAME_RULE } from '../../../../electron/contract';
import { splitList, type ServiceForm } from './service-form';

/** Messages by field: name, image, scope, ports, projectDir, dataDir, inherit, and env.<row index>. */
export type ServiceFormErrors = Record<string, string>;

// The same rules as electron/core/pipelines/service-validation.ts, checked as the person types.
/** What breaks Orchest's service rules; `takenNames` are the other services' names. */
export function validateServiceForm(form: ServiceForm, takenNames: ReadonlySet<string> = new Set()): ServiceFormErrors {
  const errors: ServiceFormErrors = {};
  const report = (field: string, message: string) => void (errors[field] ??= message);

  if (!SERVICE_NAME_PATTERN.test(form.name)) report('name', `Use ${SERVICE_NAME_RULE}`);
  else if (takenNames.has(form.name)) report('name', `Another service is already named '${form.name}'`);

  const image = form.image.trim();
  if (image === '') report('image', 'An image is required');
  else if (image === 'environment@') report('image', 'Name an environment after "environment@"');

  if (!form.interactive && !form.noninteractive) report('scope', 'Needs at least one of interactive sessions or job sessions');
  const portError = portsError(form.ports);
  if (portError) report('ports', portError);

  for (const [field, value] of [['projectDir', form.projectDir], ['dataDir', form.dataDir]] as const) {
    if (value.trim() !== '' && !value.trim().startsWith('/')) report(field, 'Must be an absolute path in the container, starting with /');
  }

  const seen = new Set<string>();
  form.env.forEach((row, index) => {
    const field = `env.${index}`;
    if (row.name === '' && row.value === '') return;
    if (row.name === '') report(field, 'Give the variable a name');
    else if (!ENV_VAR_NAME_PATTERN.test(row.name)) report(field, `Names use ${ENV_VAR_NAME_RULE}`);
    else if (seen.has(row.name)) report(field, `${row.name} is listed twice`);
    seen.add(row.name);
  });

  const badInherit = splitList(form.inherit).find((name) => !ENV_VAR_NAME_PATTERN.test(name));
  if (badInherit !== undefined) report('inherit', `"${badInherit}": names use ${ENV_VAR_NAME_RULE}`);
  return errors;
}

/** Ports are whole numbers in 1-65535, each once, and at least one. */
export function portsError(value: string): string | undefined {
  const ports = splitList(value);
  if (ports.length === 0) return 'Needs at least one port';
  const seen = new Set<number>();
  for (const text of ports) {
    if (!/^\d+$/.test(text)) return `"${text}" is not a whole number`;
    const port = Number(text);
    if (port < 1 || port > 65535) return `${port} is outside 1-65535`;
    if (seen.has(port)) return `${port} is listed twice`;
    seen.add(port);
  }
  return undefined;
}
