import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { PipelinePage } from './pages/pipeline-page';

test('a person creates, renames and deletes a pipeline', async ({ app, host }) => {
  await app.createProject('flows');
  await expect(app.projectTitle).toHaveText('flows');
  await app.tab('Pipelines').click();
  await app.page.getByRole('button', { name: 'New pipeline' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'New pipeline' });
  await dialog.getByLabel('Name', { exact: true }).fill('Train model');
  await expect(dialog.getByLabel('Path')).toHaveValue('train_model.orchest');
  await dialog.getByRole('button', { name: 'Create' }).click();

  const pipeline = new PipelinePage(app.page);
  await expect(pipeline.heading).toHaveText('Train model');
  await expect(app.page.getByTestId('pipeline-version')).toHaveText('1.0.0 · will be saved as 1.2.3');
  await expect(app.page.getByTestId('no-steps')).toBeVisible();
  const file = path.join(host.workspace, 'projects', 'flows', 'train_model.orchest');

  await pipeline.view.getByRole('button', { name: 'Rename' }).click();
  const rename = app.page.getByRole('dialog', { name: 'Rename pipeline' });
  await rename.getByLabel('Name').fill('Train model v2');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(pipeline.heading).toHaveText('Train model v2');
  expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ name: 'Train model v2', version: '1.2.3' });

  await pipeline.view.getByRole('button', { name: 'Delete pipeline' }).click();
  await app.page.getByRole('dialog', { name: 'Delete pipeline' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(app.page.getByRole('table', { name: 'Pipelines' })).not.toContainText('Train model');
  await expect(fs.stat(file)).rejects.toThrow();
});

test('the steps of a pipeline show as a graph, and an unreadable file shows where it breaks', async ({ app, host }) => {
  await app.createProject('graph');
  await expect(app.projectTitle).toHaveText('graph');
  const dir = path.join(host.workspace, 'projects', 'graph');
  const main = JSON.parse(await fs.readFile(path.join(dir, 'main.orchest'), 'utf8')) as Record<string, unknown>;
  const step = (uuid: string, title: string, x: number, parents: string[]) => ({
    uuid, title, file_path: `${title}.py`, environment: '', kernel: { name: 'python', display_name: 'Python 3' },
    incoming_connections: parents, parameters: {}, meta_data: { hidden: false, position: [x, 100] },
  });
  const a = '0c0e8b3a-0000-4000-8000-000000000001';
  const b = '0c0e8b3a-0000-4000-8000-000000000002';
  await fs.writeFile(
    path.join(dir, 'main.orchest'),
    JSON.stringify({ ...main, parameters: { alpha: 0.5 }, steps: { [a]: step(a, 'load', 0, []), [b]: step(b, 'train', 300, [a]) } }),
  );
  await fs.writeFile(path.join(dir, 'broken.orchest'), '{"name": "broken",\n  "steps": {\n');

  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  const graph = app.page.getByRole('figure', { name: 'Steps of the pipeline' });
  await expect(graph.getByText('load', { exact: true })).toBeVisible();
  await expect(graph.getByText('train', { exact: true })).toBeVisible();
  await expect(graph.locator('.react-flow__edge')).toHaveCount(1);
  const parameters = app.page.getByLabel('Pipeline parameters', { exact: true });
  await expect(parameters).toHaveValue('{\n  "alpha": 0.5\n}');
  // Edited as JSON on the Overview, and saved into the file by themselves.
  await parameters.fill('{"alpha": 0.7, "beta": "b"}');
  await expect(app.page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await expect
    .poll(async () => (JSON.parse(await fs.readFile(path.join(dir, 'main.orchest'), 'utf8')) as { parameters: unknown }).parameters)
    .toEqual({ alpha: 0.7, beta: 'b' });

  await app.page.getByRole('link', { name: 'All pipelines' }).click();
  await app.page.getByRole('link', { name: 'broken.orchest' }).click();
  await expect(app.page.getByTestId('pipeline-error')).toContainText(/line 3 column 1/);
});

test("a pipeline's settings are edited in a dialog and saved into its file, others kept", async ({ app, host }) => {
  await app.createProject('tuned');
  await expect(app.projectTitle).toHaveText('tuned');
  const file = path.join(host.workspace, 'projects', 'tuned', 'main.orchest');
  const main = JSON.parse(await fs.readFile(file, 'utf8')) as { settings: Record<string, unknown> };
  await fs.writeFile(file, JSON.stringify({ ...main, settings: { ...main.settings, 'x-team-setting': 'kept' } }));

  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await pipeline.view.getByRole('button', { name: 'Edit settings' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Pipeline settings' });
  const parallel = dialog.getByLabel('Max steps in parallel');
  await expect(parallel).toHaveValue('0');
  await parallel.fill('two');
  await expect(parallel).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('Give 0 (no limit) or a whole number of steps');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await parallel.fill('2');
  await dialog.getByLabel('Data passing memory size').fill('lots');
  await expect(dialog).toContainText('Give a size such as 1GB');
  await dialog.getByLabel('Data passing memory size').fill('512MB');
  await dialog.getByLabel('Auto eviction').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const settings = app.page.getByRole('table', { name: 'Settings' });
  await expect(settings).toContainText('512MB');
  await expect(settings.getByRole('row').filter({ hasText: 'Max steps in parallel' })).toContainText('2');
  expect(JSON.parse(await fs.readFile(file, 'utf8')).settings).toEqual({
    max_steps_parallelism: 2,
    auto_eviction: true,
    data_passing_memory_size: '512MB',
    'x-team-setting': 'kept',
  });
});
