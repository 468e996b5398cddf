import type { KeyValueRow } from '../../components/key-value-rows';
import type { ServiceObject } from './service-templates';

export type EnvRow = KeyValueRow;

/** A service as the form edits it: text for what is typed, flags for the checkboxes. */
export interface ServiceForm {
  name: string;
  image: string;
  command: string;
  args: string;
  /** Port numbers separated by commas or spaces. */
  ports: string;
  interactive: boolean;
  noninteractive: boolean;
  /** binds["/project-dir"]; empty = not mounted. */
  projectDir: string;
  /** binds["/data"]; empty = not mounted. */
  dataDir: string;
  env: EnvRow[];
  /** Names of project and pipeline variables, separated by commas or spaces. */
  inherit: string;
  exposed: boolean;
  requiresAuthentication: boolean;
  preserveBasePath: boolean;
}

export function serviceToForm(service: ServiceObject): ServiceForm {
  const binds = isObject(service.binds) ? service.binds : {};
  const scope = Array.isArray(service.scope) ? service.scope : [];
  const env = isObject(service.env_variables) ? service.env_variables : {};
  return {
    name: text(service.name),
    image: text(service.image),
    command: text(service.command),
    args: text(service.args),
    ports: Array.isArray(service.ports) ? service.ports.map(String).join(', ') : '',
    interactive: scope.includes('interactive'),
    noninteractive: scope.includes('noninteractive'),
    projectDir: text(binds['/project-dir']),
    dataDir: text(binds['/data']),
    env: Object.entries(env).map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) })),
    inherit: Array.isArray(service.env_variables_inherit) ? service.env_variables_inherit.map(String).join(', ') : '',
    exposed: service.exposed === true,
    requiresAuthentication: service.requires_authentication !== false,
    preserveBasePath: service.preserve_base_path === true,
  };
}

/**
 * The service to save: the original with the form's fields laid over it, so keys the form does not know
 * stay as they were. An optional key the form leaves empty is left out, unless the original had it so.
 */
export function formToService(form: ServiceForm, original: ServiceObject): ServiceObject {
  const service: ServiceObject = { ...original, name: form.name, image: form.image.trim() };
  setText(service, original, 'command', form.command);
  setText(service, original, 'args', form.args);
  service.ports = splitList(form.ports).map((port) => (/^\d+$/.test(port) ? Number(port) : port));
  service.scope = [form.interactive && 'interactive', form.noninteractive && 'noninteractive'].filter(Boolean);

  const binds: Record<string, string> = {};
  if (form.projectDir.trim()) binds['/project-dir'] = form.projectDir.trim();
  if (form.dataDir.trim()) binds['/data'] = form.dataDir.trim();
  setOptional(service, original, 'binds', binds, Object.keys(binds).length > 0);

  const rows = form.env.filter((row) => row.name !== '' || row.value !== '');
  const env = Object.fromEntries(rows.map((row) => [row.name, row.value]));
  setOptional(service, original, 'env_variables', env, rows.length > 0);
  const inherit = splitList(form.inherit);
  setOptional(service, original, 'env_variables_inherit', inherit, inherit.length > 0);

  service.exposed = form.exposed;
  service.requires_authentication = form.requiresAuthentication;
  setOptional(service, original, 'preserve_base_path', form.preserveBasePath, form.preserveBasePath);
  return service;
}

/** The items of a list typed with commas or spaces. */
export function splitList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

function setText(service: ServiceObject, original: ServiceObject, key: string, value: string): void {
  // An empty command means the image's default; an empty args key would replace the image's CMD with nothing.
  setOptional(service, original, key, value, value !== '');
}

/** Sets the key when it has a value, or when the original had it empty too; otherwise leaves it out. */
function setOptional(service: ServiceObject, original: ServiceObject, key: string, value: unknown, hasValue: boolean): void {
  if (hasValue || (key in original && isEmptyLike(original[key]))) service[key] = value;
  else delete service[key];
}

function isEmptyLike(value: unknown): boolean {
  if (value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
