import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineMonitor } from '../../../../electron/core/docker/engine-monitor';

describe('EngineMonitor without an engine', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reports a missing socket instead of crashing', async () => {
    vi.stubEnv('DOCKER_HOST', 'unix:///nonexistent/docker.sock');
    const changes: unknown[] = [];
    const monitor = new EngineMonitor((status) => changes.push(status));
    const status = await monitor.status();
    expect(status).toMatchObject({
      reachable: false,
      host: 'unix:///nonexistent/docker.sock',
      problem: 'host-unreachable',
      reason: 'no Docker socket at /nonexistent/docker.sock',
    });
    expect(changes).toHaveLength(1);
    await monitor.status(true);
    expect(changes).toHaveLength(1); // unchanged status is not reported again
  });

  it('reports a malformed DOCKER_HOST', async () => {
    vi.stubEnv('DOCKER_HOST', 'tcp://[bad');
    const status = await new EngineMonitor(() => undefined).status();
    expect(status).toMatchObject({ reachable: false, problem: 'host-unreachable', reason: expect.stringMatching(/DOCKER_HOST/) });
  });

  it('reports refused connections on TCP', async () => {
    vi.stubEnv('DOCKER_HOST', 'tcp://127.0.0.1:1');
    const status = await new EngineMonitor(() => undefined).status();
    expect(status).toMatchObject({ reachable: false, problem: 'not-running', reason: expect.stringMatching(/connection refused/) });
  });
});
