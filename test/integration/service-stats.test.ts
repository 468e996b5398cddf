import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../electron/contract';
import { requireDocker } from '../helpers/require-docker';
import { idleService, startSessionApp, type SessionApp } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

const PIPELINE = 'main.orchest';
let current: SessionApp;

beforeAll(async () => {
  await requireDocker();
  const busybox = await ensureTestImage('busybox');
  current = await startSessionApp('stats');
  await current.setServices({
    busy: idleService('busy', busybox, { args: `-c 'while :; do :; done'` }),
    idle: idleService('idle', busybox),
  });
  expect((await current.app.sessions.start(current.project.uuid, PIPELINE, true)).status).toBe('RUNNING');
}, 120_000);

afterAll(() => current?.close());

describe("the services' CPU and memory", () => {
  it('are read once on request, as docker stats reads them', async () => {
    const stats = await current.app.sessions.stats(current.project.uuid, PIPELINE);
    expect(Object.keys(stats).sort()).toEqual(['busy', 'idle']);
    expect(stats.busy!.cpuPercent).toBeGreaterThan(20); // a loop keeps a CPU busy (shares leave it most of one)
    expect(stats.idle!.cpuPercent).toBeLessThan(stats.busy!.cpuPercent);
    for (const one of Object.values(stats)) {
      expect(one.memoryBytes).toBeGreaterThan(0);
      expect(one.memoryLimitBytes).toBeGreaterThan(one.memoryBytes);
    }
  });

  it('come as events to a caller while it watches, for every running service', async () => {
    const seen = new Map<string, EventPayload<'sessions.stats'>>();
    let resolveBoth!: () => void;
    const both = new Promise<void>((resolve) => (resolveBoth = resolve));
    const caller = current.app.bridge.connect((name, payload) => {
      if (name !== 'sessions.stats') return;
      const event = payload as EventPayload<'sessions.stats'>;
      seen.set(event.service, event);
      if (seen.size === 2) resolveBoth();
    });
    try {
      const input = { projectId: current.project.uuid, path: PIPELINE };
      expect(await caller.request('sessions.watchStats', input)).toEqual({ ok: true, value: { ok: true } });
      await both;
      expect(seen.get('busy')).toMatchObject({ ...input, service: 'busy', stats: { memoryBytes: expect.any(Number) } });
      expect(await caller.request('sessions.unwatchStats', input)).toEqual({ ok: true, value: { ok: true } });
    } finally {
      caller.dispose();
    }
  });
});
