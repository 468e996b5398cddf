import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../../electron/contract';
import { PortReadiness } from '../../../../electron/core/sessions/port-readiness';

const session = (): Session => ({
  projectId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  pipelineUuid: 'q',
  pipelinePath: 'main.orchest',
  sessionUuid: 's',
  status: 'RUNNING',
  services: [
    {
      name: 'web',
      containerName: 'web-s',
      internalHostname: 'web-s',
      image: 'x',
      exposed: false,
      requiresAuthentication: true,
      preserveBasePath: false,
      state: 'running',
      ports: [
        { port: 80, hostPort: 1080, listening: false },
        { port: 81, hostPort: 1081, listening: false },
      ],
    },
  ],
});

describe('PortReadiness', () => {
  afterEach(() => vi.useRealTimers());

  it('marks each port listening once it accepts connections, and names silent ports after 30 s', async () => {
    vi.useFakeTimers();
    const current = session();
    const changed = vi.fn();
    const open = new Set([1080]);
    const readiness = new PortReadiness(() => current, changed, async (port) => open.has(port));
    readiness.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(current.services[0]!.ports.map((p) => p.listening)).toEqual([true, false]);
    expect(changed).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(31_000);
    expect(current.services[0]!.message).toBe('No connection accepted on port 81 after 30 s: does the image listen on it?');

    open.add(1081);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(current.services[0]!.ports.map((p) => p.listening)).toEqual([true, true]);
    expect(current.services[0]!.message).toBeUndefined();
    readiness.dispose();
  });

  it('leaves services that are not running alone', async () => {
    vi.useFakeTimers();
    const current = session();
    current.services[0]!.state = 'exited';
    const probe = vi.fn(async () => true);
    const readiness = new PortReadiness(() => current, () => undefined, probe);
    readiness.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(probe).not.toHaveBeenCalled();
    readiness.dispose();
  });
});
