import { DEFAULT_ENVIRONMENT, EnvironmentFields } from '../../../electron/contract';

/** What New starts from: Orchest's default Python environment. */
export const NEW_ENVIRONMENT: Required<EnvironmentFields> = { ...DEFAULT_ENVIRONMENT, buildVariables: [] };

export type EnvironmentFieldErrors = Partial<Record<keyof EnvironmentFields, string>>;

const FIELD_NAMES = Object.keys(EnvironmentFields.shape) as (keyof EnvironmentFields)[];

/** The fields a person edits, out of an environment that has more. */
export function fieldsOf(environment: EnvironmentFields): Required<EnvironmentFields> {
  const { name, baseImage, language, gpuSupport, setupScript, buildVariables = [] } = environment;
  return { name, baseImage, language, gpuSupport, setupScript, buildVariables };
}

export function sameFields(a: EnvironmentFields, b: EnvironmentFields): boolean {
  const names = (f: EnvironmentFields) => [...(f.buildVariables ?? [])].sort().join('\n');
  return FIELD_NAMES.every((name) => (name === 'buildVariables' ? names(a) === names(b) : a[name] === b[name]));
}

/** The same checks as the main process's, so Save waits until they pass; one message per field. */
export function validateEnvironmentFields(fields: EnvironmentFields): EnvironmentFieldErrors {
  const result = EnvironmentFields.safeParse(fields);
  if (result.success) return {};
  const errors: EnvironmentFieldErrors = {};
  for (const issue of result.error.issues) {
    const name = issue.path[0];
    if (typeof name === 'string' && isFieldName(name) && !errors[name]) errors[name] = issue.message;
  }
  return errors;
}

/** The field a bridge error names (`fields.name`), when it names one of the form's. */
export function fieldOfError(field: string | undefined): keyof EnvironmentFields | undefined {
  const name = field?.replace(/^fields\./, '');
  return name && isFieldName(name) ? name : undefined;
}

function isFieldName(name: string): name is keyof EnvironmentFields {
  return (FIELD_NAMES as string[]).includes(name);
}
