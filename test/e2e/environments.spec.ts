import { releaseSetupScript, WAIT_FOR_RELEASE } from '../helpers/environment-builds';
import { BUSYBOX_IMAGE, ensureTestImage } from '../helpers/test-images';
import { idleService, saveServices } from '../helpers/session-app';
import { expect, projectNamed, test } from './fixtures';
import { EnvironmentsPage } from './pages/environments-page';
import { PipelinePage } from './pages/pipeline-page';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensureTestImage('busybox');
});

test('a person makes an environment, builds it with a live log, sees a failing script said plainly, and the history', async ({ app, host }) => {
  test.setTimeout(120_000);
  await app.createProject('with-environment');
  await expect(app.projectTitle).toHaveText('with-environment');
  const bridge = await host.connect();
  const projectId = (await projectNamed(bridge, 'with-environment')).uuid;
  bridge.close();
  const environments = new EnvironmentsPage(app.page);
  await environments.open();
  await expect(environments.rowOf('Python 3')).toContainText('orchest/base-kernel-py');
  await expect(environments.rowOf('Python 3')).toContainText('Not built');

  await environments.create();
  await expect(environments.view).toBeVisible();
  await expect(app.page).toHaveURL(/#\/projects\/[0-9a-f-]+\/environments\/[0-9a-f-]{36}$/);
  await expect(environments.saveButton).toBeDisabled();
  await environments.field('Name').fill('Busybox');
  await environments.field('Base image').fill('');
  await expect(environments.editor.getByText('Give a base image')).toBeVisible();
  await expect(environments.saveButton).toBeDisabled();
  await environments.field('Base image').fill(BUSYBOX_IMAGE);
  await environments.setScript(`echo hello-from-setup\n${WAIT_FOR_RELEASE}\n`);

  // The draft stays while the person looks at the list.
  await environments.backToList();
  await expect(environments.rowOf('Busybox')).toContainText('unsaved');
  await environments.environmentLink('Busybox').click();
  await expect(environments.field('Base image')).toHaveValue(BUSYBOX_IMAGE);
  await expect(environments.script).toContainText('echo hello-from-setup');
  await expect(environments.button('Build')).toBeDisabled();
  await environments.saveButton.click();
  await expect(environments.saveButton).toBeDisabled();
  const environmentUuid = /[0-9a-f-]{36}$/.exec(app.page.url())![0];

  await environments.button('Build').click();
  await expect(environments.phases.locator('[aria-current="step"]')).toHaveText('Running the set-up script', { timeout: 30_000 });
  await expect(environments.buildLog).toContainText('hello-from-setup');
  await releaseSetupScript(projectId, environmentUuid);
  await expect(environments.buildStatus).toHaveText('SUCCESS', { timeout: 60_000 });
  await expect(environments.buildPhase).toHaveText('Done');
  await expect(environments.phases.getByRole('listitem')).toHaveText([
    'Pulling the base image', 'Copying the project', 'Running the set-up script', 'Storing the image', 'Done',
  ]);
  await expect(environments.view.getByTestId('environment-image')).toHaveText(`orchest-env-${projectId}-${environmentUuid}:1`);

  await environments.setScript('echo about-to-fail\nexit 3\n');
  await environments.saveButton.click();
  await expect(environments.saveButton).toBeDisabled();
  await environments.button('Build').click();
  await expect(environments.buildStatus).toHaveText('FAILURE', { timeout: 60_000 });
  await expect(environments.buildFailure).toContainText('exited with code 3');
  await expect(environments.buildFailure).toContainText('about-to-fail');
  await app.page.screenshot({ path: test.info().outputPath('failed-build.png'), fullPage: true });

  await expect(environments.history.getByRole('row')).toHaveCount(3);
  await expect(environments.historyRow(2)).toContainText('FAILURE');
  await expect(environments.historyRow(1)).toContainText('SUCCESS');
  await environments.historyRow(1).getByRole('button').click();
  await expect(environments.buildStatus).toHaveText('SUCCESS');
  await expect(environments.buildLog).toContainText('hello-from-setup');

  // The list says the newest build failed; the image sessions use is still the first build's.
  await environments.backToList();
  await expect(environments.rowOf('Busybox')).toContainText('FAILURE');
  await expect(environments.rowOf('Busybox')).toContainText('1');
});

test('Start offers to build an unbuilt environment first, shows its progress, then starts the session', async ({ app, host }) => {
  test.setTimeout(120_000);
  await app.createProject('build-first');
  await expect(app.projectTitle).toHaveText('build-first');
  const bridge = await host.connect();
  const projectId = (await projectNamed(bridge, 'build-first')).uuid;
  const fields = { name: 'Quick', baseImage: BUSYBOX_IMAGE, language: 'python', gpuSupport: false, setupScript: `echo quick\n${WAIT_FOR_RELEASE}\n` } as const;
  const environment = await bridge.request('environments.create', { projectId, fields });
  await saveServices(bridge, projectId, { web: idleService('web', `environment@${environment.uuid}`) });
  bridge.close();

  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await expect(pipeline.heading).toHaveText('Main');
  const buildFirst = pipeline.sessionControls.getByRole('button', { name: 'Build Quick first' });
  await buildFirst.click();
  await expect(pipeline.sessionControls.getByTestId('session-build')).toContainText('Building Quick');
  await releaseSetupScript(projectId, environment.uuid);
  await expect(pipeline.sessionStatus).toHaveText('Session running', { timeout: 60_000 });
  await expect(pipeline.sessionServices).toContainText(`orchest-env-${projectId}-${environment.uuid}:1`);

  // Deleting it is refused while the session's service runs on it, saying which.
  const environments = new EnvironmentsPage(app.page);
  await environments.open();
  await environments.environmentLink('Quick').click();
  await environments.button('Delete environment').click();
  const dialog = app.page.getByRole('dialog', { name: 'Delete environment' });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('in use by main.orchest: web');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await pipeline.open('Main');
  await pipeline.sessionButton('Stop session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session stopped', { timeout: 30_000 });
  await expect(pipeline.sessionButton('Start session')).toBeEnabled();
});
