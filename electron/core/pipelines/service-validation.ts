import { ENV_VAR_NAME_PATTERN, ENV_VAR_NAME_RULE, SERVICE_NAME_PATTERN, SERVICE_NAME_RULE } from '../../contract';
import { isJsonObject, type JsonObject } from './json-value';

type Report = (field: string, message: string) => void;

const SCOPES = ['interactive', 'noninteractive'];
const BIND_KEYS = ['/data', '/project-dir'];


/** One service by Orchest's rules (is_service_definition_valid), with a port range and unique ports. */
export function validateService(key: string, service: JsonObject, report: Report): void {
  if (typeof service.name !== 'string' || !SERVICE_NAME_PATTERN.test(service.name)) report('name', `must use ${SERVICE_NAME_RULE}`);
  else if (service.name !== key) report('name', `must equal its key '${key}'`);

  if (typeof service.image !== 'string' || service.image.trim() === '') report('image', 'is required');
  else if (service.image.startsWith('environment@') && service.image.length === 'environment@'.length) {
    report('image', 'names no environment after "environment@"');
  }

  if (!Array.isArray(service.scope) || service.scope.length === 0) {
    report('scope', 'needs at least one of interactive sessions or job sessions');
  } else if (service.scope.some((s) => !SCOPES.includes(s as string))) {
    report('scope', 'may only hold "interactive" and "noninteractive"');
  }

  if (!Number.isInteger(service.order)) report('order', 'is required (a whole number)');
  validatePorts(service.ports, report);
  if (typeof service.exposed !== 'boolean') report('exposed', 'is required and must be true or false');
  for (const flag of ['requires_authentication', 'preserve_base_path']) {
    if (service[flag] !== undefined && typeof service[flag] !== 'boolean') report(flag, 'must be true or false');
  }
  for (const text of ['command', 'args']) {
    if (service[text] !== undefined && typeof service[text] !== 'string') report(text, 'must be text');
  }
  validateBinds(service.binds, report);
  validateEnvVariables(service.env_variables, service.env_variables_inherit, report);
}

function validatePorts(ports: unknown, report: Report): void {
  if (!Array.isArray(ports) || ports.length === 0) return report('ports', 'needs at least one port');
  const seen = new Set<number>();
  for (const port of ports) {
    if (!Number.isInteger(port)) report('ports', `${JSON.stringify(String(port))} is not a whole number`);
    else if ((port as number) < 1 || (port as number) > 65535) report('ports', `${String(port)} is outside 1-65535`);
    else if (seen.has(port as number)) report('ports', `${String(port)} is listed twice`);
    else seen.add(port as number);
  }
}

function validateBinds(binds: unknown, report: Report): void {
  if (binds === undefined) return;
  if (!isJsonObject(binds)) return report('binds', 'must be an object');
  for (const [key, target] of Object.entries(binds)) {
    if (!BIND_KEYS.includes(key)) report(`binds.${key}`, 'only /data and /project-dir can be mounted');
    else if (typeof target !== 'string' || !target.startsWith('/')) report(`binds.${key}`, 'must be an absolute path in the container');
  }
}

function validateEnvVariables(variables: unknown, inherit: unknown, report: Report): void {
  if (variables !== undefined) {
    if (!isJsonObject(variables)) report('env_variables', 'must be an object of names to values');
    else {
      for (const [name, value] of Object.entries(variables)) {
        if (!ENV_VAR_NAME_PATTERN.test(name)) report(`env_variables.${name}`, `names use ${ENV_VAR_NAME_RULE}`);
        else if (typeof value !== 'string') report(`env_variables.${name}`, 'must be text');
      }
    }
  }
  if (inherit === undefined) return;
  if (!Array.isArray(inherit)) return report('env_variables_inherit', 'must be a list of variable names');
  for (const name of inherit) {
    if (typeof name !== 'string' || !ENV_VAR_NAME_PATTERN.test(name)) report('env_variables_inherit', `${JSON.stringify(name)}: names use ${ENV_VAR_NAME_RULE}`);
  }
}
