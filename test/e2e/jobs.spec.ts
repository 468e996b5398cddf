import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HostProcess } from '../helpers/host-process';
import { writeSteps } from '../helpers/pipeline-steps';
import { DEBIAN_IMAGE, ensureTestImage } from '../helpers/test-images';
import { expect, projectNamed, test } from './fixtures';
import { JobsPage } from './pages/jobs-page';
import { LogsPage } from './pages/logs-page';
import type { OrchestDesktopPage } from './pages/orchest-desktop-page';

test.beforeAll(async () => {
  test.setTimeout(900_000);
  await ensureTestImage('debian');
});

const PIPELINE = {
  name: 'Greetings',
  version: '1.2.3',
  settings: { auto_eviction: false, data_passing_memory_size: '1GB', max_steps_parallelism: 0 },
  parameters: {},
  steps: {},
};

/** A project made in the UI with a built Debian environment and the pipeline "Greetings" (Greet, then After) on disk. */
async function projectWithGreetings(app: OrchestDesktopPage, host: HostProcess, name: string): Promise<void> {
  await app.createProject(name);
  await expect(app.projectTitle).toHaveText(name);
  // The environment is made and built through the bridge, and the pipeline written to disk, as the run tests do.
  const bridge = await host.connect();
  const project = await projectNamed(bridge, name);
  const projectId = project.uuid;
  const fields = { name: 'Debian', baseImage: DEBIAN_IMAGE, language: 'python', gpuSupport: false, setupScript: '' } as const;
  const environment = (await bridge.request('environments.create', { projectId, fields })).uuid;
  await bridge.request('environments.build', { projectId, uuid: environment });
  const newestBuild = async () => (await bridge.request('environments.builds', { projectId, uuid: environment }))[0]?.status;
  await expect.poll(newestBuild, { timeout: 120_000 }).toBe('SUCCESS');
  bridge.close();
  await writeFile(path.join(project.path, 'greet.orchest'), JSON.stringify({ ...PIPELINE, uuid: randomUUID() }));
  await writeSteps(project.path, 'greet.orchest', environment, [
    {
      title: 'Greet',
      file: 'greet.py',
      source: 'import orchest\ngreeting = orchest.get_step_param("greeting")\nprint("greeting:", greeting)\nopen("out.txt", "w").write(f"{greeting}\\n")\n',
      parameters: { greeting: 'hello' },
    },
    { title: 'After', file: 'after.py', source: 'print("after the greeting")\n', after: ['Greet'] },
  ]);
}

test('a person makes a job with a grid of two greetings in the UI, starts it, watches both runs succeed and reads a run’s log', async ({ app, host }) => {
  test.setTimeout(300_000);
  await projectWithGreetings(app, host, 'jobs');

  const jobs = new JobsPage(app.page);
  await jobs.tab.click();
  await expect(app.page.getByTestId('no-jobs')).toBeVisible();
  await jobs.createJob('Greetings (greet.orchest)', 'Two greetings');
  await expect(jobs.jobPage.getByRole('heading', { name: 'Two greetings' })).toBeVisible();
  await expect(jobs.status).toHaveText('DRAFT');

  // The grid: two values of the step's parameter make two runs, shown before Start.
  await jobs.field('Greet: greeting').fill('hi\nho');
  await expect(jobs.previewCount).toHaveText('2 runs per batch');
  await expect(jobs.preview.getByRole('checkbox')).toHaveCount(2);
  await expect(jobs.preview).toContainText('"ho"');
  await expect(app.page.getByTestId('snapshot-size')).toContainText('Start copies the project');
  await app.page.screenshot({ path: test.info().outputPath('job-draft.png'), fullPage: true });
  await jobs.button('Save').click();
  await expect(jobs.editor.getByText('Saved', { exact: true })).toBeVisible();

  await jobs.button('Start').click();
  await expect(jobs.runs).toHaveCount(2, { timeout: 30_000 });
  await expect(jobs.runWith('"hi"')).toHaveAttribute('data-status', 'SUCCESS', { timeout: 180_000 });
  await expect(jobs.runWith('"ho"')).toHaveAttribute('data-status', 'SUCCESS', { timeout: 180_000 });
  await expect(jobs.status).toHaveText('SUCCESS', { timeout: 30_000 });
  await expect(app.page.getByTestId('job-run-counts')).toContainText('2 SUCCESS');
  await app.page.screenshot({ path: test.info().outputPath('job.png'), fullPage: true });

  // A run's page: its parameters, its steps' states, and its step's log with its own greeting.
  await jobs.runWith('"ho"').getByRole('link').click();
  await expect(jobs.runStatus).toHaveText('SUCCESS');
  await expect(app.page.getByTestId('job-run-parameters')).toContainText('"ho"');
  await expect(jobs.step('Greet')).toHaveAttribute('data-status', 'SUCCESS');
  await expect(jobs.step('After')).toHaveAttribute('data-status', 'SUCCESS');
  await jobs.stepLogButton('Greet').click();
  const logs = new LogsPage(app.page);
  await expect(logs.source).toHaveValue(/.+/);
  await expect(logs.line('greeting: ho')).toBeVisible({ timeout: 15_000 });
  await expect(logs.line('greeting: hi')).toHaveCount(0);
  await expect(app.page).toHaveURL(/\/jobs\/[^/]+\/runs\/[^/]+$/);

  // The pipeline's graph, read-only, with the run's step states; a click on a step shows its log.
  await expect(jobs.graph).toHaveAttribute('data-read-only', 'true');
  await expect(jobs.graphStep('Greet')).toHaveAttribute('data-status', 'SUCCESS');
  await expect(jobs.graphStep('After')).toHaveAttribute('data-status', 'SUCCESS');
  await jobs.graph.screenshot({ path: test.info().outputPath('job-run-graph.png') });
  await jobs.graphStep('After').click();
  await expect(logs.line('after the greeting')).toBeVisible({ timeout: 15_000 });
  await expect(jobs.stepLogButton('After')).toHaveAttribute('aria-pressed', 'true');

  // The run's files: what the step wrote beside the code, with its size, opened read-only.
  await expect(jobs.runFile('out.txt')).toContainText('3 B');
  await expect(jobs.runFile('greet.py')).toBeVisible();
  await jobs.runFile('out.txt').click();
  await expect(jobs.runFileText).toContainText('ho');
  await expect(jobs.runFileText.getByRole('textbox')).toHaveAttribute('aria-readonly', 'true');
  await app.page.screenshot({ path: test.info().outputPath('job-run.png'), fullPage: true });

  // Back on the job: the list shows it with its runs by status.
  await jobs.tab.click();
  await expect(jobs.list.getByRole('row', { name: /Two greetings/ })).toContainText('2 SUCCESS');
});

test('a cron job is scheduled in words, paused, resumed, run now, edited, cancelled, duplicated and deleted after a confirmation naming it', async ({ app, host }) => {
  test.setTimeout(300_000);
  await projectWithGreetings(app, host, 'cron-jobs');
  const jobs = new JobsPage(app.page);
  await jobs.tab.click();
  await jobs.createJob('Greetings (greet.orchest)', 'Nightly');
  await expect(jobs.status).toHaveText('DRAFT');

  // A bad schedule is refused next to its field; a good one is said in words with its next three times.
  await jobs.field('When').selectOption('cron');
  await jobs.field('Cron').fill('61 * * * *');
  await jobs.button('Save').click();
  await expect(jobs.field('Cron')).toHaveAttribute('aria-invalid', 'true');
  await jobs.field('Cron').fill('0 3 * * *');
  await jobs.button('Save').click();
  await expect(jobs.editor.getByText('Saved', { exact: true })).toBeVisible();
  await expect(app.page.getByTestId('job-schedule')).toContainText('03:00');
  await expect(app.page.getByRole('list', { name: 'Next times' }).getByRole('listitem')).toHaveCount(3);

  await jobs.button('Start').click();
  await expect(jobs.status).toHaveText('PENDING', { timeout: 30_000 });
  await expect(app.page.getByTestId('runs-range')).toHaveText('No runs');
  await jobs.button('Pause').click();
  await expect(jobs.status).toHaveText('PAUSED');
  await jobs.button('Resume').click();
  await expect(jobs.status).toHaveText(/PENDING|STARTED/);

  // Run now: one batch besides the schedule (the grid is empty: one run with the pipeline's own values).
  await jobs.button('Run now').click();
  await expect(jobs.runs).toHaveCount(1, { timeout: 30_000 });
  await expect(jobs.runs.first()).toHaveAttribute('data-status', 'SUCCESS', { timeout: 120_000 });
  await expect(jobs.runs.first()).toContainText('#1');

  // A live cron job's settings can still change.
  await jobs.field('Name').fill('Nightly greetings');
  await jobs.button('Save').click();
  await expect(jobs.jobPage.getByRole('heading', { name: 'Nightly greetings' })).toBeVisible();
  await expect(jobs.field('When')).toBeDisabled();

  await jobs.button('Cancel job').click();
  await expect(jobs.status).toHaveText('ABORTED');
  await expect(jobs.editor).toBeHidden();
  await expect(jobs.button('Run now')).toBeHidden();

  await jobs.button('Duplicate').click();
  await expect(jobs.status).toHaveText('DRAFT');
  await expect(jobs.field('Cron')).toHaveValue('0 3 * * *');
  const copyName = (await jobs.jobPage.getByRole('heading', { level: 2 }).textContent()) ?? '';

  await jobs.button('Delete').click();
  const confirm = app.page.getByRole('dialog', { name: 'Delete job' });
  await expect(confirm).toContainText(copyName);
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(jobs.list).toBeVisible();
  await expect(jobs.list.getByTestId('job-row')).toHaveCount(1);
  await expect(jobs.list.getByRole('row', { name: /Nightly greetings/ })).toContainText('ABORTED');
  await expect(jobs.list.getByRole('row', { name: /Nightly greetings/ })).toContainText('1 SUCCESS');
});
