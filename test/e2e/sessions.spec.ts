import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUSYBOX_IMAGE, ensureTestImage } from '../helpers/test-images';
import type { HostProcess } from '../helpers/host-process';
import { idleService, labelledResources, saveServices } from '../helpers/session-app';
import { expect, projectNamed, test } from './fixtures';
import { PipelinePage } from './pages/pipeline-page';

/** busybox's httpd on port 8000 beside the idle loop, so that the port accepts connections. */
const SERVE_8000 = `-c "httpd -p 8000 -h /tmp; while :; do sleep 1; done"`;

const service = (name: string, extra: Record<string, unknown> = {}) => idleService(name, BUSYBOX_IMAGE, extra);
const containersOf = async (projectId: string) => (await labelledResources(projectId)).containers;

/** Saves the Main pipeline's services of the project made in the UI and opens the pipeline; its uuid. */
async function openPipelineWith(host: HostProcess, pipeline: PipelinePage, name: string, services: Record<string, Record<string, unknown>>) {
  const bridge = await host.connect();
  const projectId = (await projectNamed(bridge, name)).uuid;
  await saveServices(bridge, projectId, services);
  bridge.close();
  await pipeline.open('Main');
  await expect(pipeline.heading).toHaveText('Main');
  return projectId;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensureTestImage('busybox');
});

test('a person starts a session with one click, sees every service running, and stops it', async ({ app, host }) => {
  await app.createProject('with-session');
  await expect(app.projectTitle).toHaveText('with-session');
  const pipeline = new PipelinePage(app.page);
  const projectId = await openPipelineWith(host, pipeline, 'with-session', {
    web: service('web', { ports: [8000], args: SERVE_8000 }),
    worker: service('worker', { ports: [9000] }),
  });
  await expect(pipeline.sessionStatus).toHaveText('Session stopped');

  await pipeline.sessionButton('Start session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session running', { timeout: 30_000 });
  await expect(pipeline.serviceState('web')).toHaveText('running');
  await expect(pipeline.serviceState('worker')).toHaveText('running');
  await expect(pipeline.servicePorts('web')).toContainText(/^8000 → 127\.0\.0\.1:\d+/);
  await expect(pipeline.portProbe('web', 8000)).toHaveText('listening', { timeout: 15_000 });
  await expect(pipeline.portProbe('worker', 9000)).toHaveText('not listening yet');
  await expect(pipeline.sessionServices).toContainText(BUSYBOX_IMAGE);
  await expect(pipeline.sessionServices.getByTestId('session-service-web')).toContainText(/web-[0-9a-f-]+/);
  // CPU and memory, live from Docker's stats while the table is on screen.
  await expect(pipeline.sessionServices.getByTestId('session-service-web').getByTestId('service-usage')).toHaveText(/^\d+\.\d% · \d+\.\d MiB$/);
  expect(await containersOf(projectId)).toHaveLength(2);
  await app.page.screenshot({ path: test.info().outputPath('running-session.png') });

  await pipeline.sessionButton('Stop session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session stopped', { timeout: 30_000 });
  await expect(pipeline.sessionServices).toHaveCount(0);
  await expect(pipeline.sessionButton('Start session')).toBeEnabled();
  await expect.poll(() => containersOf(projectId)).toEqual([]);
});

test('a service whose image cannot be had fails the start, named in a clear alert', async ({ app, host }) => {
  await app.createProject('missing-image');
  await expect(app.projectTitle).toHaveText('missing-image');
  const pipeline = new PipelinePage(app.page);
  const projectId = await openPipelineWith(host, pipeline, 'missing-image', {
    fine: service('fine'),
    // A registry on a closed local port: the pull fails at once and nothing leaves the machine.
    broken: service('broken', { image: '127.0.0.1:9/orchest-desktop-test/absent:1' }),
  });

  await pipeline.sessionButton('Start session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session failed', { timeout: 45_000 });
  await expect(pipeline.sessionFailure).toContainText('The session could not start');
  await expect(pipeline.sessionFailure).toContainText('Service broken');
  await expect(pipeline.sessionButton('Start session')).toBeEnabled();
  await expect.poll(() => containersOf(projectId)).toEqual([]);
});

test('a service that keeps failing shows as crash-looping with its code and last lines; one service restarts alone', async ({ app, host }) => {
  await app.createProject('dies');
  await expect(app.projectTitle).toHaveText('dies');
  const pipeline = new PipelinePage(app.page);
  await openPipelineWith(host, pipeline, 'dies', {
    steady: service('steady'),
    // Dies once the test has seen it run and writes flaky-may-exit into the project.
    flaky: service('flaky', {
      args: '-c "until [ -e /project-dir/flaky-may-exit ]; do sleep 0.2; done; echo giving up >&2; exit 3"',
      binds: { '/project-dir': '/project-dir' },
    }),
  });

  await pipeline.sessionButton('Start session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session running', { timeout: 30_000 });
  await expect(pipeline.serviceState('flaky')).toHaveText('running');
  await writeFile(path.join(host.workspace, 'projects', 'dies', 'flaky-may-exit'), '');
  // Docker starts it again, and it fails again at once (its trigger stays): it keeps failing.
  await expect(pipeline.serviceState('flaky')).toHaveText(/^crash-looping \(code 3, \d+ restarts\)$/, { timeout: 30_000 });
  await expect(pipeline.serviceState('steady')).toHaveText('running');
  // When it stopped and what it said last, and the session says it lacks a service.
  const exit = app.page.getByTestId('service-exit-flaky');
  await expect(exit).toContainText(/^It keeps failing: restarted \d+ times, last stopped at \d{1,2}:\d\d:\d\d( [AP]M)? with code 3\./);
  await expect(exit.getByLabel('Last lines of flaky')).toContainText('giving up');
  await expect(app.page.getByTestId('session-degraded')).toHaveText('1 of 2 services is not running');
  // A service is restarted on its own.
  await app.page.getByRole('button', { name: 'Restart steady' }).click();
  await expect(app.page.getByRole('button', { name: 'Restart steady' })).toBeEnabled();
  await expect(pipeline.serviceState('steady')).toHaveText('running');

  await pipeline.sessionButton('Stop session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session stopped', { timeout: 30_000 });
});

test('keeping sessions running when the app quits is a setting', async ({ app, host }) => {
  await app.page.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Settings' });
  const keep = dialog.getByRole('checkbox', { name: 'Keep sessions running when the app quits' });
  await expect(keep).not.toBeChecked();
  await keep.check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const bridge = await host.connect();
  expect(await bridge.request('settings.get', {})).toMatchObject({ keepSessionsRunning: true });
  bridge.close();
  await app.page.getByRole('button', { name: 'Settings' }).click();
  await expect(keep).toBeChecked();
});
