import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Environment, EnvironmentBuild, EnvironmentFields } from '../../electron/contract';
import { buildToEnd as buildOnce } from '../helpers/environment-builds';
import { requireDocker } from '../helpers/require-docker';
import { docker, removeEnvironmentImages, idleService, startSessionApp, type SessionApp } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';

let busybox: string;
let debian: string;
let current: SessionApp;
const NON_ROOT = 'orchest-desktop-test/busybox-nobody:1';

const fields = (extra: Partial<EnvironmentFields>): EnvironmentFields => ({
  name: 'Test env',
  baseImage: busybox,
  language: 'python',
  gpuSupport: false,
  setupScript: '#!/bin/bash\necho setting up\n',
  ...extra,
});

const buildToEnd = (environment: Environment) => buildOnce(current.app, current.project.uuid, environment.uuid);

/** An environment of the test's own, built once, for a test about what comes after a build. */
async function builtEnvironment(): Promise<{ environment: Environment; build: EnvironmentBuild }> {
  const environment = await current.app.environments.create(current.project.uuid, fields({}));
  const build = await buildToEnd(environment);
  expect(build.status).toBe('SUCCESS');
  return { environment, build };
}

async function logOf(build: EnvironmentBuild): Promise<string> {
  const { lines } = await current.app.environments.buildLog(build.projectId, build.environmentUuid, build.number);
  return lines.join('\n');
}

beforeAll(async () => {
  await requireDocker();
  [busybox, debian] = await Promise.all([ensureTestImage('busybox'), ensureTestImage('debian')]);
  const present = await docker('images', '-q', NON_ROOT);
  if (!present) {
    const dir = await fs.mkdtemp('/tmp/od-nonroot-');
    await fs.writeFile(path.join(dir, 'Dockerfile'), `FROM ${busybox}\nRUN rm /bin/sudo 2>/dev/null; true\nUSER nobody\n`);
    await docker('build', '-q', '-t', NON_ROOT, dir);
    await fs.rm(dir, { recursive: true, force: true });
  }
  current = await startSessionApp('environments');
}, 900_000);

afterAll(async () => {
  await current?.close();
  await removeEnvironmentImages(current?.project.uuid);
});

describe('environment images on the local engine', () => {
  it("builds with Orchest's Dockerfile: the project as context without what .gitignore and .dockerignore name", async () => {
    const { app, project } = current;
    await fs.writeFile(path.join(project.path, 'kept.txt'), 'kept');
    await fs.writeFile(path.join(project.path, 'secret.env'), 'git-ignored');
    await fs.writeFile(path.join(project.path, 'big.bin'), 'docker-ignored');
    await fs.appendFile(path.join(project.path, '.gitignore'), 'secret.env\n');
    await fs.writeFile(path.join(project.path, '.dockerignore'), 'big.bin\n');
    const environment = await app.environments.create(project.uuid, fields({ setupScript: '#!/bin/bash\r\necho setting up\r\necho made > /made-by-setup\r\n' }));
    expect(await fs.readFile(path.join(project.path, '.orchest/environments', environment.uuid, 'setup_script.sh'), 'utf8')).toBe('#!/bin/bash\necho setting up\necho made > /made-by-setup\n');
    const build = await buildToEnd(environment);
    expect(build).toMatchObject({ status: 'SUCCESS', phase: 'done', number: 1, image: `orchest-env-${project.uuid}-${environment.uuid}:1` });
    expect(await logOf(build)).toContain('setting up');
    const listing = await docker('run', '--rm', build.image, 'sh', '-c', 'ls -a /project-dir; cat /made-by-setup');
    expect(listing.split('\n')).toEqual(expect.arrayContaining(['kept.txt', 'main.orchest', 'made']));
    for (const left of ['secret.env', 'big.bin', '.orchest']) expect(listing.split('\n')).not.toContain(left);
    expect(listing).not.toContain('reserved');
    expect((await app.environments.get(project.uuid, environment.uuid)).image).toBe(build.image);
  });

  it('reuses the cache when nothing changed, under the next number', async () => {
    const { environment } = await builtEnvironment();
    const build = await buildToEnd(environment);
    expect(build).toMatchObject({ status: 'SUCCESS', number: 2 });
    expect(await logOf(build)).toContain('Using cache');
  });

  it("says the set-up script's exit code and its last lines", async () => {
    const { app, project } = current;
    const failing = await app.environments.create(project.uuid, fields({ setupScript: 'echo first step\necho "no such package: foo" >&2\nexit 3\n' }));
    const build = await buildToEnd(failing);
    expect(build.status).toBe('FAILURE');
    const [said, ...last] = build.error!.split('\n');
    expect(said).toBe('the set-up script exited with code 3; its last lines:');
    expect(last.sort()).toEqual(['first step', 'no such package: foo']); // the engine sends stdout and stderr apart
    expect(await docker('images', '-q', build.image)).toBe('');
  });

  it('says plainly when the base image has neither root nor sudo, and when it cannot be had', async () => {
    const { app, project } = current;
    const nobody = await buildToEnd(await app.environments.create(project.uuid, fields({ baseImage: NON_ROOT })));
    expect(nobody.status).toBe('FAILURE');
    expect(nobody.error).toMatch(/does not run as root and has no sudo.*#879/);
    const missing = await buildToEnd(await app.environments.create(project.uuid, fields({ baseImage: 'orchest-desktop-test/not-here:1' })));
    expect(missing.status).toBe('FAILURE');
    expect(missing.error).toMatch(/^the base image 'orchest-desktop-test\/not-here:1' cannot be had: /);
  });

  it('cancels a build in the middle', async () => {
    const { app, project } = current;
    const slow = await app.environments.create(project.uuid, fields({ setupScript: 'echo starting\nwhile :; do sleep 1; done\necho finished\n' }));
    const started = await app.environments.build(project.uuid, slow.uuid);
    const deadline = Date.now() + 60_000;
    // Cancelled once the script runs: its first line is in the build's log.
    while (!(await logOf(started)).includes('starting')) {
      if (Date.now() > deadline) throw new Error('the set-up script never started');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const cancelled = await app.environments.cancel(project.uuid, slow.uuid);
    expect(cancelled.status).toBe('ABORTED');
    const log = await logOf(cancelled);
    expect(log).toContain('starting');
    expect(log).not.toContain('finished'); // stopped in the middle of the script
    expect(await docker('images', '-q', cancelled.image)).toBe('');
  });

  it('runs a service of a session on the built image, and refuses to delete the environment meanwhile', async () => {
    const { app, project, setServices } = current;
    const { environment, build } = await builtEnvironment();
    await setServices({ web: idleService('web', `environment@${environment.uuid}`) });
    const session = await app.sessions.start(project.uuid, 'main.orchest', true);
    expect(session.status).toBe('RUNNING');
    expect(session.services[0]!.image).toBe(build.image);
    expect((await app.environments.get(project.uuid, environment.uuid)).usedBy).toEqual(['main.orchest: web']);
    await expect(app.environments.delete(project.uuid, environment.uuid)).rejects.toThrow(/in use by main.orchest: web/);
    await app.sessions.stop(project.uuid, 'main.orchest', true);
    const copy = await app.environments.duplicate(project.uuid, environment.uuid);
    expect(copy).toMatchObject({ name: 'Test env (copy)', setupScript: environment.setupScript });
    await app.environments.delete(project.uuid, copy.uuid);
    await expect(app.environments.get(project.uuid, copy.uuid)).rejects.toThrow(/No environment/);
  });

  it('runs a set-up script that installs with apt-get on Debian', async () => {
    const { app, project } = current;
    const apt = await app.environments.create(project.uuid, fields({ baseImage: debian, setupScript: 'set -e\napt-get update -qq\napt-get install -y -qq jq >/dev/null\njq --version\n' }));
    const build = await buildToEnd(apt);
    expect(build.error).toBeUndefined();
    expect(build.status).toBe('SUCCESS');
    expect(await docker('run', '--rm', build.image, 'jq', '--version')).toMatch(/^jq-/);
  }, 300_000);
});
