import { describe, expect, it } from 'vitest';
import { ownerIdOf } from '../../electron/core/app-home';
import { LABELS } from '../../electron/core/docker/labels';
import { SessionRecovery } from '../../electron/core/sessions/session-recovery';
import { docker, idleService, labelledResources, type SessionApp } from '../helpers/session-app';
import { sessionAppPerTest } from '../helpers/session-app-per-test';

/** What the engine had of a session: its network's labels and each container's name and labels. */
interface EngineCopy {
  network: { name: string; labels: Record<string, string> };
  containers: { name: string; labels: Record<string, string> }[];
}

async function copyOfSession(projectUuid: string): Promise<EngineCopy> {
  const { containers, networks } = await labelledResources(projectUuid);
  const labelsOf = async (...args: string[]) => JSON.parse(await docker(...args, '--format', '{{json .Config.Labels}}')) as Record<string, string>;
  return {
    network: { name: networks[0]!, labels: JSON.parse(await docker('network', 'inspect', networks[0]!, '--format', '{{json .Labels}}')) },
    containers: await Promise.all(containers.map(async (name) => ({ name, labels: await labelsOf('container', 'inspect', name) }))),
  };
}

/** Makes on the engine, behind the app's back, what a start that the engine's absence cut short leaves: all of it running. */
async function remake(copy: EngineCopy, image: string): Promise<void> {
  const labels = (all: Record<string, string>) => Object.entries(all).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
  await docker('network', 'create', ...labels(copy.network.labels), copy.network.name);
  for (const c of copy.containers) {
    await docker('run', '-d', '--name', c.name, '--network', copy.network.name, ...labels(c.labels), image, 'sleep', '600');
  }
}

// The app's take-back (SessionRecovery) looks at the engine, then decides; the app may start, stop
// or fail the session in between. Here a second recovery on the app's own session manager is held
// between its look and its decision, so that the order is the test's and not the timing's.
describe('taking sessions back while the app changes them', () => {
  const apps = sessionAppPerTest();

  /** A recovery whose look-up of the pipeline waits for `release`. */
  function heldRecovery(app: SessionApp) {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const lookedUp = new Promise<void>((resolve) => (asked = resolve));
    const recovery = new SessionRecovery(
      app.app.sessions,
      () => app.app.engine.docker(),
      async () => {
        asked();
        await held;
        return 'main.orchest';
      },
      ownerIdOf(app.home),
    );
    return { recovery, release, lookedUp };
  }

  it('does not bring back a session stopped between its look at the engine and its decision', async () => {
    const current = await apps.open('takeback-stop');
    await current.setServices({ web: idleService('web', apps.busybox) });
    const { uuid } = current.project;
    expect((await current.app.sessions.start(uuid, 'main.orchest', true)).status).toBe('RUNNING');

    const { recovery, release, lookedUp } = heldRecovery(current);
    const recovering = recovery.recover(await current.app.engine.docker());
    await lookedUp; // it has seen the session running
    expect((await current.app.sessions.stop(uuid, 'main.orchest', true)).status).toBe('STOPPED');
    release();
    await recovering;

    expect((await current.app.sessions.get(uuid, 'main.orchest')).status).toBe('STOPPED');
    // A start now makes a new session, not the one that was stopped.
    const started = await current.app.sessions.start(uuid, 'main.orchest', true);
    expect(started.status).toBe('RUNNING');
    expect(started.services.map((s) => s.state)).toEqual(['running']);
  }, 120_000);

  it('removes what the engine still runs of a session the app showed as failed, and keeps it failed', async () => {
    const current = await apps.open('takeback-failed');
    const { uuid } = current.project;
    await current.setServices({ web: idleService('web', apps.busybox), worker: idleService('worker', apps.busybox) });
    expect((await current.app.sessions.start(uuid, 'main.orchest', true)).status).toBe('RUNNING');
    const copy = await copyOfSession(uuid);
    expect(copy.containers).toHaveLength(2);
    expect(copy.network.labels[LABELS.owner]).toBe(ownerIdOf(current.home));
    await current.app.sessions.stop(uuid, 'main.orchest', true);

    // The start fails (the worker's image is in a registry that is not there), as one cut short by the engine going away would.
    await current.setServices({ web: idleService('web', apps.busybox), worker: idleService('worker', '127.0.0.1:1/absent:1') });
    expect((await current.app.sessions.start(uuid, 'main.orchest', true)).status).toBe('FAILED');
    // ...but the engine kept what it had started: as when the engine went away before the app could remove it.
    await remake(copy, apps.busybox);

    const { recovery, release } = heldRecovery(current);
    release();
    await recovery.recover(await current.app.engine.docker());

    expect(await labelledResources(uuid)).toEqual({ containers: [], networks: [] });
    expect((await current.app.sessions.get(uuid, 'main.orchest')).status).toBe('FAILED');
  }, 120_000);
});
