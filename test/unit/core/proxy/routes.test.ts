import { describe, expect, it } from 'vitest';
import type { Session, SessionService } from '../../../../electron/contract';
import { matchRoute, rewriteCookiePath, rewriteLocation, routesOf, unavailableReason, upstreamUrl } from '../../../../electron/core/proxy/routes';

const SESSION = 'aaaaaaaa-bbbb-4ccc11111111-2222-4333';

const service = (name: string, extra: Partial<SessionService> = {}): SessionService => ({
  name,
  containerName: `${name}-${SESSION}`,
  internalHostname: `${name}-${SESSION}`,
  image: 'img',
  exposed: true,
  requiresAuthentication: true,
  preserveBasePath: false,
  state: 'running',
  ports: [{ port: 8080, hostPort: 32001, listening: true }],
  ...extra,
});

const session = (services: SessionService[], status: Session['status'] = 'RUNNING'): Session => ({
  projectId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  pipelineUuid: '11111111-2222-4333-8444-555555555555',
  pipelinePath: 'main.orchest',
  sessionUuid: SESSION,
  status,
  services,
});

describe('proxy routes', () => {
  const routes = routesOf([
    session([
      service('web'),
      service('lab', { preserveBasePath: true, ports: [{ port: 8888, hostPort: 32002, listening: true }, { port: 9000, hostPort: 32003, listening: false }] }),
      service('db', { exposed: false }),
    ]),
  ]);

  it('gives every port of every exposed service a route under its prefix, and none to the others', () => {
    expect([...routes.keys()]).toEqual([
      `service-web-${SESSION}_8080`,
      `pbp-service-lab-${SESSION}_8888`,
      `pbp-service-lab-${SESSION}_9000`,
    ]);
  });

  it('strips the prefix without preserve_base_path and keeps the whole path with it', () => {
    const web = matchRoute(`/service-web-${SESSION}_8080/a/b`, routes)!;
    expect(web.rest).toBe('/a/b');
    expect(upstreamUrl(web, '?q=1')).toBe('/a/b?q=1');
    expect(upstreamUrl(matchRoute(`/service-web-${SESSION}_8080`, routes)!, '')).toBe('/');
    const lab = matchRoute(`/pbp-service-lab-${SESSION}_8888/tree`, routes)!;
    expect(upstreamUrl(lab, '?x')).toBe(`/pbp-service-lab-${SESSION}_8888/tree?x`);
  });

  it('matches only a whole first segment, and only the form the service uses', () => {
    expect(matchRoute(`/service-web-${SESSION}_80800/`, routes)).toBeUndefined();
    expect(matchRoute(`/service-lab-${SESSION}_8888/`, routes)).toBeUndefined();
    expect(matchRoute(`/x/service-web-${SESSION}_8080/`, routes)).toBeUndefined();
  });

  it('keeps root-relative and loopback redirects on the service', () => {
    const web = routes.get(`service-web-${SESSION}_8080`)!;
    expect(rewriteLocation('/login?next=%2F', web)).toBe(`/service-web-${SESSION}_8080/login?next=%2F`);
    expect(rewriteLocation('http://127.0.0.1:32001/tree#top', web)).toBe(`/service-web-${SESSION}_8080/tree#top`);
    expect(rewriteLocation('https://example.org/elsewhere', web)).toBe('https://example.org/elsewhere');
    expect(rewriteLocation('relative/path', web)).toBe('relative/path');
    expect(rewriteLocation('//cdn.example.org/x', web)).toBe('//cdn.example.org/x');
    const lab = routes.get(`pbp-service-lab-${SESSION}_8888`)!;
    expect(rewriteLocation('/pbp-service-lab/x', lab)).toBe('/pbp-service-lab/x');
  });

  it("puts a service's root cookies under its prefix, unless it keeps its base path", () => {
    const web = routes.get(`service-web-${SESSION}_8080`)!;
    expect(rewriteCookiePath('sid=1; Path=/; HttpOnly', web)).toBe(`sid=1; Path=/service-web-${SESSION}_8080/; HttpOnly`);
    expect(rewriteCookiePath('sid=1; path=/api', web)).toBe(`sid=1; Path=/service-web-${SESSION}_8080/api`);
    expect(rewriteCookiePath('sid=1', web)).toBe('sid=1');
    const lab = routes.get(`pbp-service-lab-${SESSION}_8888`)!;
    expect(rewriteCookiePath('sid=1; Path=/', lab)).toBe('sid=1; Path=/');
  });

  it('says why a service cannot answer', () => {
    const [route] = routesOf([session([service('web', { state: 'exited', exitCode: 137 })])]).values();
    expect(unavailableReason(route!)).toBe('it exited with code 137');
    const [stopping] = routesOf([session([service('web')], 'STOPPING')]).values();
    expect(unavailableReason(stopping!)).toBe('its session is stopping');
    expect(unavailableReason(routes.get(`service-web-${SESSION}_8080`)!)).toBeUndefined();
  });
});
