import fs from 'node:fs/promises';
import path from 'node:path';
import { notebook } from '../helpers/pipeline-steps';
import { DEBIAN_IMAGE, ensureTestImage } from '../helpers/test-images';
import { expect, projectNamed, test } from './fixtures';
import { LogsPage } from './pages/logs-page';
import { PipelinePage } from './pages/pipeline-page';
import { RunPage } from './pages/run-page';
import { StepEditorPage } from './pages/step-editor-page';

test.beforeAll(async () => {
  test.setTimeout(900_000);
  await ensureTestImage('debian');
});

interface SavedStep {
  title: string;
  file_path: string;
  environment: string;
  parameters: Record<string, unknown>;
  incoming_connections: string[];
}

test('a person builds a three-step pipeline on the graph from a new project, runs it and reads the parameter in the log', async ({ app, host }) => {
  test.setTimeout(300_000);
  await app.createProject('editor');
  await expect(app.projectTitle).toHaveText('editor');
  const bridge = await host.connect();
  const project = await projectNamed(bridge, 'editor');
  // The environment is made and built through the bridge as the other run tests do; the steps are made by clicks.
  const fields = { name: 'Debian', baseImage: DEBIAN_IMAGE, language: 'python', gpuSupport: false, setupScript: '' } as const;
  const environment = (await bridge.request('environments.create', { projectId: project.uuid, fields })).uuid;
  await bridge.request('environments.build', { projectId: project.uuid, uuid: environment });
  const newestBuild = async () => (await bridge.request('environments.builds', { projectId: project.uuid, uuid: environment }))[0]?.status;
  await expect.poll(newestBuild, { timeout: 120_000 }).toBe('SUCCESS');
  bridge.close();
  // A file the person had before, in the project folder.
  await fs.writeFile(path.join(project.path, 'existing.sh'), 'echo "existing script ran"\n');

  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await expect(pipeline.heading).toHaveText('Main');
  const editor = new StepEditorPage(app.page);
  await expect(app.page.getByTestId('no-steps')).toBeVisible();

  // A new .py step, its file made from the File path field.
  await editor.button('New step').click();
  await expect(editor.details).toBeVisible();
  // A new project has a Python 3 environment (not built here): the step goes on the built one.
  await editor.field('Environment').selectOption({ label: 'Debian (python)' });
  await editor.field('Title').fill('Produce');
  await editor.createFile('produce', '.py');
  await expect(editor.field('File path')).toHaveValue('produce.py');
  await editor.field('Parameters').fill('{\n  "greeting": "hello from the editor"\n');
  await expect(editor.details.getByRole('alert')).toContainText(/^Line 3, column 1: /);
  await editor.field('Parameters').fill('{\n  "greeting": "hello from the editor"\n}');
  await expect(editor.details.getByRole('alert')).toBeHidden();

  // A new notebook step, the same way.
  await editor.button('New step').click();
  await expect(editor.field('Title')).toHaveValue('New step');
  await editor.field('Title').fill('Notebook');
  await editor.field('Environment').selectOption({ label: 'Debian (python)' });
  await editor.createFile('analyse', '.ipynb');
  await expect(editor.field('File path')).toHaveValue('analyse.ipynb');

  // The existing script, dragged from the file list onto the graph.
  await expect(editor.files.getByText('analyse.ipynb', { exact: true })).toBeVisible();
  await expect(editor.files.getByText('existing.sh', { exact: true })).toBeVisible();
  // The list and the graph side by side in view, so the drag needs no scrolling.
  await editor.graph.scrollIntoViewIfNeeded();
  const box = (await editor.graph.boundingBox())!;
  await editor.files.getByText('existing.sh', { exact: true }).dragTo(editor.graph, { targetPosition: { x: box.width / 2, y: box.height - 120 } });
  await expect(editor.step('existing')).toBeVisible();
  await expect(editor.field('File path')).toHaveValue('existing.sh');
  await editor.field('Environment').selectOption({ label: 'Debian (python)' });

  await editor.connect('Produce', 'Notebook');
  await editor.connect('Notebook', 'existing');
  // A connection back to the start would make a cycle: refused, with the reason.
  await editor.connect('existing', 'Produce');
  await expect(app.page.getByTestId('connect-refusal')).toContainText('would make a cycle');
  await expect(editor.saveState).toHaveText('Saved', { timeout: 10_000 });
  await editor.step('Produce').click();
  await app.page.getByRole('region', { name: 'Steps' }).screenshot({ path: test.info().outputPath('editor.png') });

  // What the file holds: Orchest's steps, connected in order, the parameter on the .py step.
  const file = JSON.parse(await fs.readFile(path.join(project.path, 'main.orchest'), 'utf8')) as { steps: Record<string, SavedStep> };
  const byTitle = Object.fromEntries(Object.entries(file.steps).map(([uuid, step]) => [step.title, { uuid, ...step }]));
  expect(Object.keys(byTitle).sort()).toEqual(['Notebook', 'Produce', 'existing']);
  expect(byTitle.Produce).toMatchObject({ file_path: 'produce.py', environment, parameters: { greeting: 'hello from the editor' }, incoming_connections: [] });
  expect(byTitle.Notebook).toMatchObject({ file_path: 'analyse.ipynb', environment, incoming_connections: [byTitle.Produce!.uuid] });
  expect(byTitle.existing).toMatchObject({ file_path: 'existing.sh', environment, incoming_connections: [byTitle.Notebook!.uuid] });
  const made = JSON.parse(await fs.readFile(path.join(project.path, 'analyse.ipynb'), 'utf8')) as { metadata: { kernelspec: { name: string } } };
  expect(made.metadata.kernelspec.name).toBe(`orchest-kernel-${environment}`);

  // The person's own editor writes the code into the files the UI made.
  await fs.writeFile(path.join(project.path, 'produce.py'), 'import orchest\nprint("parameter:", orchest.get_step_param("greeting"))\n');
  const cells = JSON.parse(notebook('print("notebook ran")')) as { cells: unknown[] };
  await fs.writeFile(path.join(project.path, 'analyse.ipynb'), JSON.stringify({ ...made, cells: cells.cells }));

  const run = new RunPage(app.page);
  await run.button('Run').click();
  for (const title of ['Produce', 'Notebook', 'existing']) {
    await expect(run.step(title)).toHaveAttribute('data-status', 'SUCCESS', { timeout: 90_000 });
  }
  await expect(run.status).toHaveText('Run: SUCCESS');

  // The selected step's panel shows its log of the run, and leads to the Logs section with its tools.
  await editor.step('Notebook').click();
  await editor.step('Produce').click();
  await expect(editor.details.getByTestId('step-log')).toContainText('parameter: hello from the editor', { timeout: 15_000 });
  await app.page.getByRole('region', { name: 'Steps' }).screenshot({ path: test.info().outputPath('step-log.png') });

  await run.stepLog('Produce').click();
  const logs = new LogsPage(app.page);
  await expect(logs.line('parameter: hello from the editor')).toBeVisible({ timeout: 15_000 });
});

test('steps are duplicated, removed after a confirmation naming them, undone and redone; a file changed on disk meanwhile is a conflict', async ({ app, host }) => {
  test.setTimeout(120_000);
  await app.createProject('editing');
  await expect(app.projectTitle).toHaveText('editing');
  const file = path.join(host.workspace, 'projects', 'editing', 'main.orchest');
  const stepsOnDisk = async () => (JSON.parse(await fs.readFile(file, 'utf8')) as { steps: Record<string, SavedStep> }).steps;
  const titlesOnDisk = async () => Object.values(await stepsOnDisk()).map((step) => step.title).sort();
  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  const editor = new StepEditorPage(app.page);
  const nodes = editor.graph.getByTestId('step-node');

  await editor.button('New step').click();
  await editor.field('Title').fill('Alpha');
  await editor.button('New step').click();
  await editor.field('Title').fill('Beta');
  await editor.connect('Alpha', 'Beta');
  await expect(editor.graph.locator('.react-flow__edge')).toHaveCount(1);
  await expect(editor.saveState).toHaveText('Saved', { timeout: 10_000 });
  expect(await titlesOnDisk()).toEqual(['Alpha', 'Beta']);

  // A connection is selected and removed with Delete; Ctrl+Z brings it back.
  await editor.graph.locator('.react-flow__edge').click();
  await app.page.keyboard.press('Delete');
  await expect(editor.graph.locator('.react-flow__edge')).toHaveCount(0);
  await app.page.keyboard.press('Control+z');
  await expect(editor.graph.locator('.react-flow__edge')).toHaveCount(1);

  // Duplicate copies a step beside it, with a new uuid.
  await editor.step('Alpha').click();
  await editor.button('Duplicate').click();
  await expect(nodes).toHaveCount(3);
  await expect(editor.saveState).toHaveText('Saved', { timeout: 10_000 });
  expect(await titlesOnDisk()).toEqual(['Alpha', 'Alpha', 'Beta']);

  // Ctrl+A selects every step; Delete asks first, naming them.
  await editor.graph.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.page.keyboard.press('Control+a');
  await expect(app.page.getByTestId('selected-steps')).toHaveText('3 steps selected');
  await app.page.keyboard.press('Delete');
  const confirm = app.page.getByRole('dialog', { name: 'Delete steps' });
  await expect(confirm).toContainText('Delete Alpha, Beta, Alpha from the pipeline?');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(nodes).toHaveCount(0);
  await expect(editor.saveState).toHaveText('Saved', { timeout: 10_000 });
  expect(await titlesOnDisk()).toEqual([]);
  await editor.button('Undo').click();
  await expect(nodes).toHaveCount(3);
  await editor.button('Redo').click();
  await expect(nodes).toHaveCount(0);
  await editor.button('Undo').click();
  await expect(nodes).toHaveCount(3);
  await expect(editor.saveState).toHaveText('Saved', { timeout: 10_000 });
  expect(await titlesOnDisk()).toEqual(['Alpha', 'Alpha', 'Beta']);

  // A rectangle drawn with Shift held selects the steps inside it.
  await editor.fitView();
  await editor.graph.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(app.page.getByTestId('selected-steps')).toBeHidden();
  const area = (await editor.graph.boundingBox())!;
  await app.page.keyboard.down('Shift');
  await app.page.mouse.move(area.x + 4, area.y + 4);
  await app.page.mouse.down();
  await app.page.mouse.move(area.x + area.width / 2, area.y + area.height / 2, { steps: 5 });
  await app.page.mouse.move(area.x + area.width - 4, area.y + area.height - 4, { steps: 5 });
  await app.page.mouse.up();
  await app.page.keyboard.up('Shift');
  await expect(app.page.getByTestId('selected-steps')).toHaveText('3 steps selected');

  // Another program writes the file while an edit waits to be saved: nothing is overwritten until the person chooses.
  const renameOnDisk = async (from: string, to: string) => {
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as { steps: Record<string, SavedStep> };
    for (const step of Object.values(json.steps)) if (step.title === from) step.title = to;
    await fs.writeFile(file, JSON.stringify(json, null, 4));
  };
  await editor.fitView();
  await editor.step('Beta').click();
  await editor.field('Title').fill('Beta edited here');
  await renameOnDisk('Beta', 'Beta from disk');
  const conflict = app.page.getByTestId('save-conflict');
  await expect(conflict).toContainText('The pipeline file changed on disk');
  expect(await titlesOnDisk()).toEqual(['Alpha', 'Alpha', 'Beta from disk']);
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(conflict).toBeHidden();
  await expect(editor.step('Beta from disk')).toBeVisible();
  await expect(editor.saveState).toHaveText('Saved');

  await editor.fitView();
  await editor.step('Beta from disk').click();
  await editor.field('Title').fill('Mine');
  await renameOnDisk('Alpha', 'Theirs');
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Overwrite' }).click();
  await expect(conflict).toBeHidden();
  await expect(editor.saveState).toHaveText('Saved', { timeout: 10_000 });
  expect(await titlesOnDisk()).toEqual(['Alpha', 'Alpha', 'Mine']);
});

test('a save the rules refuse is marked on the step it concerns, with the reason in its panel', async ({ app }) => {
  await app.createProject('rules');
  await expect(app.projectTitle).toHaveText('rules');
  await new PipelinePage(app.page).open('Main');
  const editor = new StepEditorPage(app.page);
  await editor.button('New step').click();
  await editor.field('Title').fill('One');
  await editor.field('File path').fill('same.ipynb');
  await editor.button('New step').click();
  await editor.field('Title').fill('Two');
  await expect(editor.saveState).toHaveText('Saved', { timeout: 10_000 });
  await editor.field('File path').fill('same.ipynb');

  // Orchest allows one step per notebook: the save is refused and the step is marked.
  await expect(app.page.getByTestId('save-error')).toContainText('same.ipynb is also the notebook of One');
  const marked = editor.graph.getByTestId('step-node').filter({ has: app.page.getByTestId('step-issue-mark') });
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText('Two');
  await expect(editor.details.getByRole('list', { name: 'Rules the step breaks' })).toContainText('same.ipynb is also the notebook of One');

  await editor.field('File path').fill('other.ipynb');
  await expect(editor.saveState).toHaveText('Saved', { timeout: 10_000 });
  await expect(marked).toHaveCount(0);
});
