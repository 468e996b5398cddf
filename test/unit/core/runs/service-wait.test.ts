import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../electron/contract';
import { silentPorts, waitForServices } from '../../../../electron/core/runs/service-wait';

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
    expect(silentPorts(session([service('redis', 'running', [true, false]), service('gone', 'exited', [false])]))).toEqual(['redis:6380']);
  });

  it('waits until every port listens, saying what for', async () => {
    let calls = 0;
    const reports: string[][] = [];
    const silent = await waitForServices(
      async () => session([service('redis', 'running', [++calls > 2])]),
      (ports) => reports.push(ports),
      new AbortController().signal,
      10_000,
      1,
    );
    expect(silent).toEqual([]);
    expect(reports).toEqual([['redis:6379'], ['redis:6379']]);
  });

  it('gives up after the time allowed, with the ports still silent', async () => {
    const silent = await waitForServices(async () => session([service('db', 'running', [false])]), () => undefined, new AbortController().signal, 5, 1);
    expect(silent).toEqual(['db:6379']);
  });
});
