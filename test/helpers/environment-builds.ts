import type { EnvironmentBuild } from '../../electron/contract';
import type { OrchestApp } from '../../electron/core/app';
import { requireDocker } from './require-docker';
import { removeEnvironmentImages, startSessionApp, type SessionApp } from './session-app';
import { ensureTestImage } from './test-images';
import { reservedNames } from '../../electron/core/environments/environment-dockerfile';
import { docker } from './session-app';

/** Builds the environment through the app and resolves with the build once it has ended. */
export async function buildToEnd(app: OrchestApp, projectId: string, environmentUuid: string): Promise<EnvironmentBuild> {
  await app.environments.build(projectId, environmentUuid);
  await app.environments.settled(projectId, environmentUuid);
  const [build] = await app.environments.builds(projectId, environmentUuid);
  return build!;
}

const SETUP_RELEASE_FILE = '/tmp/setup-may-finish';

/** A set-up script line that holds the build in its set-up phase until the test calls `releaseSetupScript`. */
export const WAIT_FOR_RELEASE = `until [ -e ${SETUP_RELEASE_FILE} ]; do sleep 0.2; done`;

/**
 * Lets a set-up script waiting on WAIT_FOR_RELEASE finish. A build cannot see the host's files, but the
 * (classic) builder runs the script's RUN step in a container of its own: the file goes in there.
 */
export async function releaseSetupScript(projectId: string, environmentUuid: string): Promise<void> {
  const { setupScript } = reservedNames(projectId, environmentUuid);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const running = (await docker('ps', '--no-trunc', '--format', '{{.ID}} {{.Command}}')).split('\n');
    const container = running.find((line) => line.includes(setupScript))?.split(' ')[0];
    if (container) return void (await docker('exec', container, 'touch', SETUP_RELEASE_FILE));
    if (Date.now() > deadline) throw new Error(`No build container runs ${setupScript} after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the RUN step's container may not have started yet
  }
}

/** An app with one project and a built Python environment on the Debian test image, for tests that run steps. */
export async function startAppWithEnvironment(projectName: string): Promise<{ current: SessionApp; environment: string }> {
  await requireDocker();
  const base = await ensureTestImage('debian');
  const current = await startSessionApp(projectName);
  const fields = { name: 'Debian', baseImage: base, language: 'python' as const, gpuSupport: false, setupScript: '' };
  const { uuid } = await current.app.environments.create(current.project.uuid, fields);
  const build = await buildToEnd(current.app, current.project.uuid, uuid);
  if (build.status !== 'SUCCESS') throw new Error(`The test environment did not build: ${build.status}`);
  return { current, environment: uuid };
}

/** Closes such an app and removes the images its builds made. */
export async function closeAppWithEnvironment(current: SessionApp | undefined): Promise<void> {
  await current?.close();
  await removeEnvironmentImages(current?.project.uuid);
}
