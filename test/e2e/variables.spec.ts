import fs from 'node:fs/promises';
import path from 'node:path';
import { PATH_REFUSED, VARIABLE_NAME_RULE } from '../../electron/contract';
import { expect, test } from './fixtures';
import { PipelinePage } from './pages/pipeline-page';
import { VariablesForm } from './pages/variables-form';

const PROJECT_SECRET = 'project-s3cret-4f1b9a';
const PIPELINE_SECRET = 'pipeline-s3cret-7c2e0d';

/** Every file under `dir` whose bytes contain `text`. */
async function filesContaining(dir: string, text: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    if ((await fs.readFile(file)).includes(text)) found.push(file);
  }
  return found;
}

test('project and pipeline variables are saved outside the project and shown masked again', async ({ app, host }) => {
  await app.createProject('secrets');
  await expect(app.projectTitle).toHaveText('secrets');
  await app.tab('Variables').click();
  const project = new VariablesForm(app.page, 'Project variables');
  await expect(project.form.getByTestId('variables-note')).toContainText('never in the project folder or a pipeline file');
  await project.add('API_TOKEN', PROJECT_SECRET);
  await project.add('SHARED', 'from-project');
  await expect(project.value(1)).toHaveAttribute('type', 'password');
  await project.saveButton.click();
  await expect(project.notice).toHaveText('Saved');
  await expect(project.saveButton).toBeDisabled();

  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await pipeline.section('Variables').click();
  const own = new VariablesForm(app.page, 'Pipeline variables');
  await expect(own.form).toContainText('Pipeline values override project values');
  await expect(own.inheritedRow('API_TOKEN')).toContainText('inherited');
  await own.add('API_TOKEN', PIPELINE_SECRET);
  await own.add('PIPELINE_ONLY', 'x');
  await expect(own.inheritedRow('API_TOKEN')).toContainText('overridden');
  await expect(own.inheritedRow('SHARED')).toContainText('inherited');
  await own.saveButton.click();
  await expect(own.notice).toHaveText('Saved');

  // The Services tab reads the names again when it opens.
  await pipeline.section('Services').click();
  await pipeline.addService('Streamlit');
  const offers = pipeline.serviceEditor.getByRole('group', { name: 'Variables to inherit' });
  await expect(offers.getByRole('button', { name: '+ PIPELINE_ONLY' })).toBeVisible();

  await app.page.reload();
  await pipeline.section('Variables').click();
  await expect(own.name(1)).toHaveValue('API_TOKEN');
  await expect(own.value(1)).toHaveAttribute('type', 'password');
  await expect(own.value(1)).toHaveValue(PIPELINE_SECRET);
  await expect(own.name(2)).toHaveValue('PIPELINE_ONLY');
  await own.showValue(1).click();
  await expect(own.value(1)).toHaveAttribute('type', 'text');
  await expect(own.showValue(1)).toHaveAttribute('aria-pressed', 'true');

  await app.tab('Variables').click();
  await expect(project.name(1)).toHaveValue('API_TOKEN');
  await expect(project.value(1)).toHaveAttribute('type', 'password');
  await expect(project.value(1)).toHaveValue(PROJECT_SECRET);

  const folder = path.join(host.workspace, 'projects', 'secrets');
  expect(await filesContaining(folder, PROJECT_SECRET)).toEqual([]);
  expect(await filesContaining(folder, PIPELINE_SECRET)).toEqual([]);
  // They are kept, only elsewhere: in the app's home.
  expect(await filesContaining(host.home, PIPELINE_SECRET)).not.toEqual([]);
});

test('a bad name shows the rule next to the row and Save waits for a good one', async ({ app }) => {
  await app.createProject('bad-names');
  await expect(app.projectTitle).toHaveText('bad-names');
  await app.tab('Variables').click();
  const form = new VariablesForm(app.page, 'Project variables');
  await form.add('MY TOKEN', 'value');
  await expect(form.name(1)).toHaveAttribute('aria-invalid', 'true');
  await expect(form.form).toContainText(VARIABLE_NAME_RULE);
  await expect(form.saveButton).toBeDisabled();

  await form.name(1).fill('PATH');
  await expect(form.form).toContainText(PATH_REFUSED);
  await form.name(1).fill('MY_TOKEN');
  await form.add('MY_TOKEN', 'again');
  await expect(form.form).toContainText('MY_TOKEN is listed twice');
  await expect(form.saveButton).toBeDisabled();

  await form.form.getByRole('button', { name: 'Remove variable 2' }).click();
  await expect(form.name(1)).not.toHaveAttribute('aria-invalid');
  await expect(form.saveButton).toBeEnabled();
});

test('edits not saved yet are still there after a look at another tab, until Discard', async ({ app }) => {
  await app.createProject('drafts');
  await expect(app.projectTitle).toHaveText('drafts');
  await app.tab('Variables').click();
  const project = new VariablesForm(app.page, 'Project variables');
  await project.add('KEPT', 'unsaved-value');
  await app.tab('Files').click();
  await expect(project.form).toBeHidden();
  await app.tab('Variables').click();
  await expect(project.name(1)).toHaveValue('KEPT');
  await expect(project.value(1)).toHaveValue('unsaved-value');
  await expect(project.value(1)).toHaveAttribute('type', 'password');
  await expect(project.saveButton).toBeEnabled();

  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await pipeline.section('Variables').click();
  const own = new VariablesForm(app.page, 'Pipeline variables');
  await own.add('STEP_SETTING', '3');
  await pipeline.section('Services').click();
  await pipeline.section('Variables').click();
  await expect(own.name(1)).toHaveValue('STEP_SETTING');
  await own.form.getByRole('button', { name: 'Discard changes' }).click();
  await expect(own.form.getByRole('listitem')).toHaveCount(0);
  await pipeline.section('Services').click();
  await pipeline.section('Variables').click();
  await expect(own.form.getByRole('listitem')).toHaveCount(0);

  // The project's draft was never saved: Save keeps it, and it is read back from the host after a reload.
  await app.tab('Variables').click();
  await expect(project.name(1)).toHaveValue('KEPT');
  await project.saveButton.click();
  await expect(project.notice).toHaveText('Saved');
  await app.page.reload();
  await app.tab('Variables').click();
  await expect(project.value(1)).toHaveValue('unsaved-value');
});
