/** Orchest's interactive session uuid: project uuid[:18] + pipeline uuid[:18] (36 characters). */
export function sessionUuidOf(projectUuid: string, pipelineUuid: string): string {
  return projectUuid.slice(0, 18) + pipelineUuid.slice(0, 18);
}

/** A service's container name, network alias and internal hostname: `<name>-<session uuid>`. */
export function internalHostname(serviceName: string, sessionUuid: string): string {
  return `${serviceName}-${sessionUuid}`;
}

/** The proxy path prefix of a service (no leading slash), as `$BASE_PATH_PREFIX` expands on Orchest k8s. */
export function basePathPrefix(serviceName: string, sessionUuid: string, preserveBasePath: boolean): string {
  return `${preserveBasePath ? 'pbp-' : ''}service-${serviceName}-${sessionUuid}`;
}

/** The bridge network of a session, which its services and steps share. */
export function sessionNetworkName(sessionUuid: string): string {
  return `orchest-session-${sessionUuid}`;
}
