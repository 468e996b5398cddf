import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { BUSYBOX_IMAGE, ensureTestImage } from '../helpers/test-images';
import type { HostProcess } from '../helpers/host-process';
import { expect, test } from './fixtures';
import { PipelinePage } from './pages/pipeline-page';

const run = promisify(execFile);
const LOOP = `-c "trap 'exit 0' TERM; while :; do sleep 1; done"`;
/** The loop behind busybox's httpd on port 8000, so the port accepts connections. */
const SERVE_8000 = `-c "trap 'exit 0' TERM; httpd -p 8000 -h /tmp; while :; do sleep 1; done"`;

async function docker(...args: string[]): Promise<string[]> {
  const { stdout } = await run('docker', args);
  return stdout.split('\n').filter(Boolean);
}

const ownedBy = (projectId: string) => `label=io.orchest-desktop.project=${projectId}`;
const containersOf = (projectId: string) => docker('ps', '-aq', '--filter', ownedBy(projectId));

/** Removes whatever a test left behind, even when it failed half-way. */
async function removeEverything(projectId: string): Promise<void> {
  const containers = await containersOf(projectId);
  if (containers.length > 0) await docker('rm', '-f', ...containers);
  const networks = await docker('network', 'ls', '-q', '--filter', ownedBy(projectId));
  if (networks.length > 0) await docker('network', 'rm', ...networks);
}

function service(name: string, order: number, extra: Record<string, unknown> = {}) {
  return {
    name, image: BUSYBOX_IMAGE, command: 'sh', args: LOOP, order, ports: [],
    scope: ['interactive'], exposed: false, requires_authentication: true, ...extra,
  };
}

let projectId: string | undefined;

/** Creates the project in the UI, writes its Main pipeline's services to disk and opens the pipeline. */
async function openPipelineWith(host: HostProcess, pipeline: PipelinePage, name: string, services: Record<string, unknown>) {
  const bridge = await host.connect();
  const project = (await bridge.request('projects.list', {})).find((p) => p.name === name);
  bridge.close();
  if (!project) throw new Error(`no project ${name}`);
  projectId = project.uuid;
  const file = path.join(host.workspace, 'projects', name, 'main.orchest');
  const json = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  await fs.writeFile(file, JSON.stringify({ ...json, services }, null, 4));
  await pipeline.open('Main');
  await expect(pipeline.heading).toHaveText('Main');
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensureTestImage('busybox');
});

test.afterEach(async () => {
  if (projectId) await removeEverything(projectId);
  projectId = undefined;
});

test('a person starts a session with one click, sees every service running, and stops it', async ({ app, host }) => {
  await app.createProject('with-session');
  await expect(app.projectTitle).toHaveText('with-session');
  const pipeline = new PipelinePage(app.page);
  await openPipelineWith(host, pipeline, 'with-session', {
    web: service('web', 0, { ports: [8000], args: SERVE_8000 }),
    worker: service('worker', 1, { ports: [9000] }),
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
  expect(await docker('ps', '-q', '--filter', ownedBy(projectId!))).toHaveLength(2);
  await app.page.screenshot({ path: test.info().outputPath('running-session.png') });

  await pipeline.sessionButton('Stop session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session stopped', { timeout: 30_000 });
  await expect(pipeline.sessionServices).toHaveCount(0);
  await expect(pipeline.sessionButton('Start session')).toBeEnabled();
  await expect.poll(() => containersOf(projectId!)).toEqual([]);
});

test('a service whose image cannot be had fails the start, named in a clear alert', async ({ app, host }) => {
  await app.createProject('missing-image');
  await expect(app.projectTitle).toHaveText('missing-image');
  const pipeline = new PipelinePage(app.page);
  await openPipelineWith(host, pipeline, 'missing-image', {
    fine: service('fine', 0),
    // A registry on a closed local port: the pull fails at once and nothing leaves the machine.
    broken: service('broken', 1, { image: '127.0.0.1:9/orchest-desktop-test/absent:1' }),
  });

  await pipeline.sessionButton('Start session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session failed', { timeout: 45_000 });
  await expect(pipeline.sessionFailure).toContainText('The session could not start');
  await expect(pipeline.sessionFailure).toContainText('Service broken');
  await expect(pipeline.sessionButton('Start session')).toBeEnabled();
  await expect.poll(() => containersOf(projectId!)).toEqual([]);
});

test('a container that dies on its own shows as exited with its code', async ({ app, host }) => {
  await app.createProject('dies');
  await expect(app.projectTitle).toHaveText('dies');
  const pipeline = new PipelinePage(app.page);
  await openPipelineWith(host, pipeline, 'dies', {
    steady: service('steady', 0),
    flaky: service('flaky', 1, { args: '-c "sleep 4; exit 3"' }),
  });

  await pipeline.sessionButton('Start session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session running', { timeout: 30_000 });
  await expect(pipeline.serviceState('flaky')).toHaveText('exited (code 3)', { timeout: 20_000 });
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
