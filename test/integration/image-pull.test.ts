import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalRegistry, type LocalRegistry } from '../helpers/local-registry';
import { requireDocker } from '../helpers/require-docker';
import { docker, idleService, startSessionApp, type SessionApp } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

describe('a service whose image is not on the engine', () => {
  let registry: LocalRegistry | undefined;
  let current: SessionApp | undefined;
  let image = '';
  afterEach(async () => {
    await current?.close();
    if (image) await docker('rmi', image).catch(() => undefined);
    await registry?.stop();
    [current, registry, image] = [undefined, undefined, ''];
  });

  it('is pulled from its registry, with the progress shown on the service, and then runs', async () => {
    await requireDocker();
    const busybox = await ensureTestImage('busybox');
    registry = await startLocalRegistry();
    const unique = randomUUID();
    image = `${registry.address}/orchest-desktop-test/pulled:${unique.slice(0, 8)}`;
    // A layer of its own, so that the pull has something to download (busybox's layer is here already).
    try {
      await docker('run', '--name', `pull-${unique}`, busybox, 'sh', '-c', `echo ${unique} > /unique`);
      await docker('commit', `pull-${unique}`, image);
    } finally {
      await docker('rm', '-f', `pull-${unique}`);
    }
    await docker('push', image);
    await docker('rmi', image);
    expect(await docker('images', '-q', image)).toBe('');

    current = await startSessionApp('pulls');
    await current.setServices({ web: idleService('web', image) });
    const session = await current.app.sessions.start(current.project.uuid, 'main.orchest', true);

    expect(session.status).toBe('RUNNING');
    expect(session.services).toMatchObject([{ name: 'web', state: 'running' }]);
    const pulling = current.events.flatMap((e) => e.services).filter((s) => s.name === 'web' && s.state === 'pulling');
    // busybox's layer is here already and counts as done; the last word of the pull is that both are.
    expect(pulling.at(-1)?.message).toMatch(/^Pulling: 2 of 2 layers, ([\d.]+) of \1 MB$/);
    expect(await docker('images', '-q', image)).toMatch(/^[0-9a-f]{12}$/);
  });
});
