import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HostProcess } from '../helpers/host-process';
import { writeSteps, type StepFile } from '../helpers/pipeline-steps';
import { DEBIAN_IMAGE, ensureTestImage } from '../helpers/test-images';
import { expect, projectNamed, test } from './fixtures';
import { LogsPage } from './pages/logs-page';
import type { OrchestDesktopPage } from './pages/orchest-desktop-page';
import { PipelinePage } from './pages/pipeline-page';
import { RunPage } from './pages/run-page';

test.beforeAll(async () => {
  test.setTimeout(900_000);
  await ensureTestImage('debian');
});

const PIPELINE = {
  name: 'Runs',
  version: '1.2.3',
  settings: { auto_eviction: false, data_passing_memory_size: '1GB', max_steps_parallelism: 0 },
  parameters: {},
  steps: {},
};

/**
 * A project made in the UI with an environment on the Debian test image (an empty set-up script) and a
 * pipeline "Runs" of these steps on it, written to disk; opens the pipeline. Builds the environment unless told.
 */
async function openRunsPipeline(app: OrchestDesktopPage, host: HostProcess, name: string, steps: StepFile[], build = true) {
  await app.createProject(name);
  await expect(app.projectTitle).toHaveText(name);
  const bridge = await host.connect();
  const project = await projectNamed(bridge, name);
  const projectId = project.uuid;
  const fields = { name: 'Debian', baseImage: DEBIAN_IMAGE, language: 'python', gpuSupport: false, setupScript: '' } as const;
  const environment = (await bridge.request('environments.create', { projectId, fields })).uuid;
  const buildIt = async () => {
    await bridge.request('environments.build', { projectId, uuid: environment });
    const newest = async () => (await bridge.request('environments.builds', { projectId, uuid: environment }))[0]?.status;
    await expect.poll(newest, { timeout: 120_000 }).toBe('SUCCESS');
  };
  if (build) await buildIt();
  await writeFile(path.join(project.path, 'runs.orchest'), JSON.stringify({ ...PIPELINE, uuid: randomUUID() }));
  const uuids = await writeSteps(project.path, 'runs.orchest', environment, steps);
  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Runs');
  await expect(pipeline.heading).toHaveText('Runs');
  return { run: new RunPage(app.page), uuids, projectDir: project.path, build: buildIt, close: () => bridge.close() };
}

/** Greets once the test has seen the run going and writes greet-may-finish into the project. */
const GREET_WHEN_TOLD = [
  'import os, time',
  'while not os.path.exists("/project-dir/greet-may-finish"):',
  '    time.sleep(0.2)',
  'print("hello from a")',
  '',
].join('\n');

test('a person runs a pipeline, watches its steps succeed on the graph and reads a step’s log from its node', async ({ app, host }) => {
  test.setTimeout(240_000);
  const { run, uuids, projectDir, close } = await openRunsPipeline(app, host, 'with-runs', [
    { title: 'Greet', file: 'a.py', source: GREET_WHEN_TOLD },
    { title: 'Answer', file: 'b.sh', source: 'echo "answer from b: 42"\n', after: ['Greet'] },
  ]);
  close();
  await expect(run.step('Greet')).not.toHaveAttribute('data-status');

  await run.button('Run').click();
  await expect(run.step('Greet')).toHaveAttribute('data-status', 'STARTED', { timeout: 90_000 });
  await expect(run.status).toHaveText('Run: STARTED');
  await writeFile(path.join(projectDir, 'greet-may-finish'), '');
  await expect(run.step('Greet')).toHaveAttribute('data-status', 'SUCCESS', { timeout: 30_000 });
  await expect(run.step('Answer')).toHaveAttribute('data-status', 'SUCCESS', { timeout: 30_000 });
  await expect(run.stepStatus('Answer')).toHaveText('SUCCESS');
  await expect(run.status).toHaveText('Run: SUCCESS');
  await expect(run.button('Run')).toBeEnabled();
  await run.graph.screenshot({ path: test.info().outputPath('run-succeeded.png') });

  await run.stepLog('Answer').click();
  await expect(app.page).toHaveURL(new RegExp(`/logs/${uuids.Answer}$`));
  const logs = new LogsPage(app.page);
  await expect(logs.source).toHaveValue(uuids.Answer!);
  await expect(logs.source.locator('option:checked')).toHaveText('Answer');
  await expect(logs.line('answer from b: 42')).toBeVisible({ timeout: 15_000 });

  // The merged view has both steps' lines, each after its step's title.
  await logs.source.selectOption('');
  await expect(logs.line('hello from a')).toContainText('Greet');
  await expect(logs.line('answer from b: 42')).toContainText('Answer');
});

test('a failing step shows FAILURE with its reason, the step after it ABORTED; a selected step runs on its own', async ({ app, host }) => {
  test.setTimeout(240_000);
  const { run, close } = await openRunsPipeline(app, host, 'failing-run', [
    { title: 'Breaks', file: 'a.sh', source: 'echo about to fail\nexit 3\n' },
    { title: 'After', file: 'b.sh', source: 'echo after ran\n', after: ['Breaks'] },
  ]);
  close();

  await run.button('Run').click();
  await expect(run.step('Breaks')).toHaveAttribute('data-status', 'FAILURE', { timeout: 90_000 });
  await expect(run.step('Breaks')).toContainText('Exited with code 3');
  await expect(run.step('Breaks')).toHaveAttribute('title', 'Exited with code 3');
  await expect(run.step('After')).toHaveAttribute('data-status', 'ABORTED');
  await expect(run.step('After')).toContainText('Not run: Breaks did not succeed');
  await expect(run.stepLog('After')).toHaveCount(0);
  await expect(run.status).toHaveText('Run: FAILURE');
  await run.graph.screenshot({ path: test.info().outputPath('run-failed.png') });

  // Shift adds to the selection and Escape clears it; then one step is picked and run alone.
  await run.step('Breaks').click();
  await run.step('After').click({ modifiers: ['Shift'] });
  await expect(run.selection.getByTestId('selected-steps')).toHaveText('2 steps selected');
  await app.page.keyboard.press('Escape');
  await expect(run.selection).toBeHidden();
  await run.step('After').click();
  await expect(run.selection.getByTestId('selected-steps')).toHaveText('1 step selected');
  await expect(run.step('After').getByRole('button', { pressed: true })).toHaveCount(1);
  await run.selectionButton('Run selected').click();
  await expect(run.step('After')).toHaveAttribute('data-status', 'SUCCESS', { timeout: 60_000 });
  await expect(run.step('Breaks')).not.toHaveAttribute('data-status');
  await expect(run.status).toHaveText('Run: SUCCESS');
});

test('Run says why it cannot start before the environment is built; Cancel run stops a run that goes on', async ({ app, host }) => {
  test.setTimeout(240_000);
  const { run, build, close } = await openRunsPipeline(
    app,
    host,
    'cancelled-run',
    [
      { title: 'Slow', file: 'slow.sh', source: 'echo slow begins\nwhile :; do sleep 1; done\n' },
      { title: 'Later', file: 'later.sh', source: 'echo later\n', after: ['Slow'] },
    ],
    false,
  );
  await run.button('Run').click();
  await expect(run.error).toContainText('which has no successful build yet; build it, then run');
  await build();
  close();

  await run.button('Run').click();
  await expect(run.error).toBeHidden();
  await expect(run.step('Slow')).toHaveAttribute('data-status', 'STARTED', { timeout: 60_000 });
  await expect(run.status).toHaveText('Run: STARTED');
  await run.button('Cancel run').click();
  await expect(run.status).toHaveText('Run: ABORTED', { timeout: 30_000 });
  await expect(run.step('Slow')).toHaveAttribute('data-status', 'ABORTED');
  await expect(run.step('Later')).toContainText('Cancelled before it started');
  await expect(run.button('Run')).toBeEnabled();
});
