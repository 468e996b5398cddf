import type { Session, SessionService } from '../../contract';

/** Where a service port is served: `/[pbp-]service-<internal hostname>_<port>/`, Orchest's URL scheme. */
export function servicePrefix(internalHostname: string, port: number, preserveBasePath: boolean): string {
  return `${preserveBasePath ? 'pbp-' : ''}service-${internalHostname}_${port}`;
}

export interface ProxyRoute {
  prefix: string;
  projectId: string;
  pipelinePath: string;
  sessionStatus: Session['status'];
  service: SessionService;
  port: number;
  /** The port published on 127.0.0.1; null when the container has none (not running). */
  hostPort: number | null;
}

/** Every port of every exposed service of the sessions, by prefix; only exposed services get routes (Orchest's rule). */
export function routesOf(sessions: Session[]): Map<string, ProxyRoute> {
  const routes = new Map<string, ProxyRoute>();
  for (const session of sessions) {
    for (const service of session.services.filter((s) => s.exposed)) {
      for (const { port, hostPort } of service.ports) {
        const prefix = servicePrefix(service.internalHostname, port, service.preserveBasePath);
        routes.set(prefix, {
          prefix,
          projectId: session.projectId,
          pipelinePath: session.pipelinePath,
          sessionStatus: session.status,
          service,
          port,
          hostPort,
        });
      }
    }
  }
  return routes;
}

export interface RouteMatch {
  route: ProxyRoute;
  /** The path after the prefix: '' for `/<prefix>`, else starting with '/'. */
  rest: string;
}

/** The route a request path belongs to, by its first segment. */
export function matchRoute(pathname: string, routes: Map<string, ProxyRoute>): RouteMatch | undefined {
  const segment = pathname.slice(1).split('/', 1)[0] ?? '';
  const route = routes.get(segment);
  return route ? { route, rest: pathname.slice(segment.length + 1) } : undefined;
}

/** The path the service receives: the whole one with preserve_base_path, else without the prefix. */
export function upstreamUrl(match: RouteMatch, search: string): string {
  if (match.route.service.preserveBasePath) return `/${match.route.prefix}${match.rest}${search}`;
  return `${match.rest || '/'}${search}`;
}

/** What is wrong with a route's service, in words, or undefined when it can take requests. */
export function unavailableReason(route: ProxyRoute): string | undefined {
  const { service, sessionStatus } = route;
  if (sessionStatus !== 'RUNNING') return `its session is ${sessionStatus.toLowerCase()}`;
  if (service.state === 'exited') return `it exited${service.exitCode === undefined ? '' : ` with code ${service.exitCode}`}`;
  if (service.state !== 'running' || route.hostPort === null) return `it is ${service.state}`;
  return undefined;
}

/**
 * A redirect from a service without preserve_base_path names paths from its own root; sent on under
 * the prefix so that the browser stays on the service. Other locations pass unchanged.
 */
export function rewriteLocation(location: string, route: ProxyRoute): string {
  if (route.service.preserveBasePath) return location;
  if (location.startsWith('/') && !location.startsWith('//')) return `/${route.prefix}${location}`;
  try {
    const url = new URL(location);
    const upstream = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === route.service.internalHostname;
    const samePort = Number(url.port || 80) === route.hostPort || Number(url.port || 80) === route.port;
    if (upstream && samePort) return `/${route.prefix}${url.pathname}${url.search}${url.hash}`;
  } catch {
    // not an absolute URL: a relative one resolves under the prefix by itself
  }
  return location;
}

/** A cookie a service without preserve_base_path sets for its own root stays with that service. */
export function rewriteCookiePath(setCookie: string, route: ProxyRoute): string {
  if (route.service.preserveBasePath) return setCookie;
  return setCookie.replace(/;\s*path=(\/[^;]*)/i, (_match, cookiePath: string) => `; Path=/${route.prefix}${cookiePath}`);
}
