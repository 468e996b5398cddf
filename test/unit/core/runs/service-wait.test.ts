import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../electron/contract';
import { describeUnready, unreadyServices, waitForServices } from '../../../../electron/core/runs/service-wait';

const service = (name: string, state: Session['services'][number]['state'], listening: boolean[]): Session['services'][number] => ({
  name,
  containerName: name,
  internalHostname: name,
  image: 'x',
  exposed: false,
  requiresAuthentication: true,
  preserveBasePath: false,
  state,
  ports: listening.map((l, i) => ({ port: 6379 + i, hostPort: 40000 + i, listening: l })),
});
const session = (services: Session['services']): Session => ({
  projectId: 'p',
  pipelineUuid: 'u',
  pipelinePath: 'main.orchest',
  sessionUuid: 's',
  status: 'RUNNING',
  services,
});

describe('waitForServices', () => {
  it("names the running services' ports that accept no connection yet", () => {
    expect(unreadyServices(session([service('redis', 'running', [true, false]), service('gone', 'exited', [false])]))).toEqual({ ports: ['redis:6380'], unhealthy: [] });
  });

  it('waits for a service with a HEALTHCHECK to be healthy instead of for its ports', () => {
    const db = { ...service('db', 'running', [true]), health: 'starting' as const };
    const web = { ...service('web', 'running', [false]), health: 'healthy' as const };
    const unready = unreadyServices(session([db, web, service('redis', 'running', [false])]));
    expect(unready).toEqual({ ports: ['redis:6379'], unhealthy: ['db'] });
    expect(describeUnready(unready)).toBe('redis:6379 to accept connections and db to be healthy');
  });

  it('waits until every port listens, saying what for', async () => {
    let calls = 0;
    const reports: string[] = [];
    const unready = await waitForServices(
      async () => session([service('redis', 'running', [++calls > 2])]),
      (waiting) => reports.push(describeUnready(waiting)),
      new AbortController().signal,
      10_000,
      1,
    );
    expect(unready).toEqual({ ports: [], unhealthy: [] });
    expect(reports).toEqual(['redis:6379 to accept connections', 'redis:6379 to accept connections']);
  });

  it('gives up after the time allowed, with the ports still silent', async () => {
    const unready = await waitForServices(async () => session([service('db', 'running', [false])]), () => undefined, new AbortController().signal, 5, 1);
    expect(unready).toEqual({ ports: ['db:6379'], unhealthy: [] });
  });
});
