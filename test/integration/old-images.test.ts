import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvironmentService } from '../../electron/core/environments/environment-service';
import { KEEP_BUILDS, removeOldImages } from '../../electron/core/environments/old-images';
import { requireDocker } from '../helpers/require-docker';
import { docker } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

describe('pruning environment images', () => {
  let name = '';
  afterEach(async () => {
    const left = (await docker('images', name, '--format', '{{.Repository}}:{{.Tag}}')).split('\n').filter(Boolean);
    if (left.length > 0) await docker('rmi', ...left);
  });

  it(`keeps the newest ${KEEP_BUILDS} builds and any a session uses, and removes the rest`, async () => {
    const engine = await requireDocker();
    const base = await ensureTestImage('busybox');
    name = `orchest-env-test-${randomUUID()}-${randomUUID()}`;
    // Build numbers past 9 check that they are ordered as numbers, not as text.
    for (const build of [1, 2, 3, 9, 10, 11]) await docker('tag', base, `${name}:${build}`);

    const removed = await removeOldImages(engine, name, new Set([`${name}:2`]));

    expect(removed.sort()).toEqual([`${name}:1`, `${name}:3`]);
    const left = (await docker('images', name, '--format', '{{.Tag}}')).split('\n').map(Number);
    expect(left.sort((a, b) => a - b)).toEqual([2, 9, 10, 11]);
    expect(await docker('image', 'inspect', base, '--format', '{{.Id}}')).toMatch(/^sha256:/); // the tagged base stays
  });

  it("keeps an old build that a job locked at its Start, as it keeps one a session runs", async () => {
    const engine = await requireDocker();
    const base = await ensureTestImage('busybox');
    name = `orchest-env-test-${randomUUID()}-${randomUUID()}`;
    for (const build of [1, 2, 3, 4, 5]) await docker('tag', base, `${name}:${build}`);
    const environments = new EnvironmentService({
      home: '/nonexistent',
      docker: async () => engine,
      projectFolder: async () => '/nonexistent',
      sessions: () => [],
      onBuild: () => undefined,
      variables: async () => ({}),
      lockedImages: async () => new Set([`${name}:1`]),
    });

    expect(await environments.removeOldImages(engine, name)).toEqual([`${name}:2`]);
    const left = (await docker('images', name, '--format', '{{.Tag}}')).split('\n').map(Number);
    expect(left.sort((a, b) => a - b)).toEqual([1, 3, 4, 5]);
  });
});
