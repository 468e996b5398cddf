import { split as shellSplit } from 'shlex';
import { AppError } from '../app-error';
import type { ContainerSpec } from '../docker/containers';
import { LABELS } from '../docker/labels';
import { sessionBinds, sessionLabels, sessionVariables, type SessionContext } from './session-context';
import { basePathPrefix, internalHostname, sessionNetworkName, sessionUuidOf } from './session-identity';

/** A service as stored in the pipeline file (already validated by Orchest's rules). */
export interface ServiceDefinition {
  name: string;
  image: string;
  scope: string[];
  ports: number[];
  command?: string;
  args?: string;
  binds?: Record<string, string>;
  env_variables?: Record<string, string>;
  env_variables_inherit?: string[];
  preserve_base_path?: boolean;
  exposed?: boolean;
  requires_authentication?: boolean;
  [other: string]: unknown;
}

export interface SessionPlanInput extends SessionContext {
  /** A job run's session is named by the run's uuid; an interactive one by its project and pipeline. */
  sessionUuid?: string;
  /** The services as they are on disk when the session starts. */
  services: Record<string, ServiceDefinition>;
  /** The image of each `environment@<uuid>` the services use, keyed by environment uuid. */
  environmentImages: Record<string, string>;
}

/** How the app's proxy serves a service (Orchest's `exposed`, `requires_authentication`, `preserve_base_path`). */
export interface ProxyOptions {
  exposed: boolean;
  requiresAuthentication: boolean;
  preserveBasePath: boolean;
}

/** A service's container as the engine makes it, plus what the app keeps about the service. */
export interface ContainerPlan extends ContainerSpec {
  service: string;
  proxy: ProxyOptions;
}

export interface SessionPlan {
  sessionUuid: string;
  network: { name: string; labels: Record<string, string> };
  containers: ContainerPlan[];
  /** Every service of the pipeline as the session has it (`$BASE_PATH_PREFIX` replaced), for the SDK's get_service. */
  serviceSpecs: Record<string, ServiceDefinition>;
}

export const ENVIRONMENT_IMAGE_PREFIX = 'environment@';

/** Turns a pipeline's services into the network and containers of its session (of `sessionType`); no I/O. */
export function planSession(input: SessionPlanInput): SessionPlan {
  const sessionUuid = input.sessionUuid ?? sessionUuidOf(input.projectUuid, input.pipelineUuid);
  const sessionType = input.sessionType ?? 'interactive';
  const labels = sessionLabels(input, sessionUuid);
  const serviceSpecs = Object.fromEntries(Object.values(input.services).map((raw) => [raw.name, substituteBasePath(raw, sessionUuid)]));
  const containers = Object.values(serviceSpecs)
    .filter((service) => service.scope.includes(sessionType))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((service) => planContainer(service, input, sessionUuid, labels));
  return { sessionUuid, network: { name: sessionNetworkName(sessionUuid), labels }, containers, serviceSpecs };
}

function planContainer(
  service: ServiceDefinition,
  input: SessionPlanInput,
  sessionUuid: string,
  sessionLabels: Record<string, string>,
): ContainerPlan {
  const name = internalHostname(service.name, sessionUuid);
  const proxy: ProxyOptions = {
    exposed: service.exposed === true,
    requiresAuthentication: service.requires_authentication !== false, // Orchest's default
    preserveBasePath: service.preserve_base_path === true,
  };
  const binds = sessionBinds(input);
  const projectTarget = service.binds?.['/project-dir'];
  const dataTarget = service.binds?.['/data'];
  if (projectTarget) binds.push(`${input.projectDir}:${projectTarget}`);
  if (dataTarget) binds.push(`${input.dataDir}:${dataTarget}`);
  return {
    service: service.name,
    proxy,
    name,
    image: resolveImage(service.image, input.environmentImages),
    entrypoint: service.command ? [service.command] : undefined,
    cmd: 'args' in service && typeof service.args === 'string' ? shellSplit(service.args) : undefined,
    env: environment(service, input, sessionUuid),
    labels: { ...sessionLabels, [LABELS.service]: service.name, [LABELS.proxy]: JSON.stringify(proxy) },
    binds,
    ports: service.ports,
  };
}

/** ORCHEST_* first, then the service's own variables, then inherited ones, which win. */
function environment(service: ServiceDefinition, input: SessionPlanInput, sessionUuid: string): string[] {
  const env: Record<string, string> = { ...sessionVariables(input, sessionUuid), ...service.env_variables };
  for (const name of service.env_variables_inherit ?? []) {
    const value = input.variables[name];
    if (value !== undefined) env[name] = value; // Orchest ignored names that are not set
  }
  return Object.entries(env).map(([key, value]) => `${key}=${value}`);
}

function resolveImage(image: string, environmentImages: Record<string, string>): string {
  if (!image.startsWith(ENVIRONMENT_IMAGE_PREFIX)) return image;
  const uuid = image.slice(ENVIRONMENT_IMAGE_PREFIX.length);
  const resolved = environmentImages[uuid];
  if (!resolved) {
    throw new AppError('NOT_FOUND', `Service image environment@${uuid}: that environment has no successful build yet; build it, then start the session`, 'image');
  }
  return resolved;
}

/**
 * As Orchest did: the whole definition is written out as JSON, every `$BASE_PATH_PREFIX` replaced by the
 * service's proxy prefix (so `$BASE_PATH_PREFIX_8501` becomes the prefix of port 8501), and read back.
 */
export function substituteBasePath(service: ServiceDefinition, sessionUuid: string): ServiceDefinition {
  const prefix = basePathPrefix(service.name, sessionUuid, service.preserve_base_path === true);
  const text = JSON.stringify(service).replaceAll('$BASE_PATH_PREFIX', prefix);
  return JSON.parse(text) as ServiceDefinition;
}
