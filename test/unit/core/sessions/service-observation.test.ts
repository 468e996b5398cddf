import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { observeService } from '../../../../electron/core/sessions/service-observation';

const NEVER = '0001-01-01T00:00:00Z';
const service = { ports: [{ port: 8000, hostPort: 40001, listening: true }] };

function inspected(state: Partial<Docker.ContainerInspectInfo['State']>, ports: Record<string, { HostIp: string; HostPort: string }[]> = {}, restarts = 0) {
  return {
    State: { Status: 'running', Running: true, Restarting: false, OOMKilled: false, ExitCode: 0, StartedAt: '2026-12-05T10:00:00Z', FinishedAt: NEVER, ...state },
    NetworkSettings: { Ports: ports },
    RestartCount: restarts,
  } as unknown as Docker.ContainerInspectInfo;
}

describe('observeService', () => {
  it('reads a running container with its host ports and health', () => {
    const info = inspected({ Health: { Status: 'healthy' } as never }, { '8000/tcp': [{ HostIp: '127.0.0.1', HostPort: '40002' }] }, 2);
    expect(observeService(service, info)).toEqual({
      state: 'running',
      ports: [{ port: 8000, hostPort: 40002, listening: true }],
      restartCount: 2,
      startedAt: '2026-12-05T10:00:00Z',
      health: 'healthy',
    });
  });

  it('reads an exited container with its code, OOM kill and time, keeping the last host port but not listening', () => {
    const info = inspected({ Status: 'exited', Running: false, ExitCode: 137, OOMKilled: true, FinishedAt: '2026-12-05T10:00:05Z' });
    expect(observeService(service, info)).toEqual({
      state: 'exited',
      ports: [{ port: 8000, hostPort: 40001, listening: false }],
      restartCount: 0,
      startedAt: '2026-12-05T10:00:00Z',
      exitCode: 137,
      oomKilled: true,
      finishedAt: '2026-12-05T10:00:05Z',
    });
  });

  it('tells a container being restarted, one made but not started yet, and one that is gone', () => {
    const restarting = { Status: 'restarting', Restarting: true, ExitCode: 7, FinishedAt: '2026-12-05T10:00:30Z' };
    expect(observeService(service, inspected(restarting, {}, 1))).toMatchObject({ state: 'restarting', restartCount: 1, exitCode: 7 });
    // Three restarts, the last run 2 s long: it keeps failing. A run of a minute is a crash now and then.
    expect(observeService(service, inspected({ ...restarting, FinishedAt: '2026-12-05T10:00:02Z' }, {}, 3))).toMatchObject({ state: 'crash-looping' });
    expect(observeService(service, inspected(restarting, {}, 3))).toMatchObject({ state: 'restarting', restartCount: 3 });
    const created = observeService(service, inspected({ Status: 'created', Running: false, StartedAt: NEVER }));
    expect(created).toEqual({ state: 'starting', ports: [{ port: 8000, hostPort: 40001, listening: false }], restartCount: 0 });
    expect(observeService(service, undefined)).toEqual({ state: 'removed', ports: [{ port: 8000, hostPort: 40001, listening: false }] });
  });
});
