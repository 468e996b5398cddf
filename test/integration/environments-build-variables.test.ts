import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Environment, EnvironmentFields } from '../../electron/contract';
import { buildToEnd as buildOnce } from '../helpers/environment-builds';
import { requireDocker } from '../helpers/require-docker';
import { docker, removeEnvironmentImages, startSessionApp, type SessionApp } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

const TOKEN = 'pypi-s3cr3t-Zq8vX1';
let busybox: string;
let current: SessionApp;

const fields = (extra: Partial<EnvironmentFields>): EnvironmentFields => ({
  name: 'With a token',
  baseImage: busybox,
  language: 'python',
  gpuSupport: false,
  setupScript: '#!/bin/bash\ntest -n "$INDEX_TOKEN" || { echo "INDEX_TOKEN is empty"; exit 4; }\nprintf %s "$INDEX_TOKEN" | wc -c > /token-length\necho "the token has $(cat /token-length) characters"\n',
  buildVariables: ['INDEX_TOKEN'],
  ...extra,
});

const buildToEnd = (environment: Environment) => buildOnce(current.app, current.project.uuid, environment.uuid);

beforeAll(async () => {
  await requireDocker();
  busybox = await ensureTestImage('busybox');
  current = await startSessionApp('build-variables');
  await current.app.variables.set(current.project.uuid, undefined, { INDEX_TOKEN: TOKEN, OTHER: 'x' });
}, 900_000);

afterAll(async () => {
  await current?.close();
  await removeEnvironmentImages(current?.project.uuid);
});

describe('build variables', () => {
  it('hands the selected project variables to the set-up script as build secrets, never into the image', async () => {
    const { app, project } = current;
    const environment = await app.environments.create(project.uuid, fields({}));
    expect(environment.buildVariables).toEqual(['INDEX_TOKEN']);
    const build = await buildToEnd(environment);
    expect(build.error).toBeUndefined();
    expect(build).toMatchObject({ status: 'SUCCESS', phase: 'done' });
    expect(build.warning).toBeUndefined();
    expect(await docker('run', '--rm', build.image, 'cat', '/token-length')).toBe(String(TOKEN.length));
    const listing = await docker('run', '--rm', build.image, 'ls', '-a', '/project-dir');
    expect(listing.split('\n')).toContain('main.orchest');
    expect(listing).not.toContain('reserved');
    const { lines } = await app.environments.buildLog(project.uuid, environment.uuid, build.number);
    expect(lines).toContain(`the token has ${TOKEN.length} characters`);
    for (const text of [lines.join('\n'), await docker('history', '--no-trunc', build.image), await docker('image', 'inspect', build.image)]) {
      expect(text).not.toContain(TOKEN);
    }
  });

  it('fails the build before it starts when a selected variable is not set, naming it', async () => {
    const { app, project } = current;
    const environment = await app.environments.create(project.uuid, fields({ buildVariables: ['INDEX_TOKEN', 'NOT_SET_HERE'] }));
    const build = await buildToEnd(environment);
    expect(build.status).toBe('FAILURE');
    expect(build.error).toMatch(/^the build variable NOT_SET_HERE is not set in the project's variables/);
    expect(await docker('images', '-q', build.image)).toBe('');
  });
});
