import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLI, REPO } from '../helpers/host-process';
import { requireDocker } from '../helpers/require-docker';
import { expect, test } from './fixtures';

test('a person creates a project and browses its files', async ({ app, host }) => {
  await expect(app.page.getByRole('region', { name: 'Create your first project' })).toBeVisible();

  await app.createProject('churn-analysis');
  await expect(app.projectLink('churn-analysis')).toBeVisible();
  await expect(app.projectTitle).toHaveText('churn-analysis');
  await expect(app.page.getByTestId('project-path')).toHaveText(path.join(host.workspace, 'projects', 'churn-analysis'));

  await app.tab('Files').click();
  await expect(app.treeItem('churn-analysis', 'main.orchest')).toBeVisible();
  await expect(app.treeItem('churn-analysis', '.orchest')).toHaveAttribute('aria-expanded', 'false');

  // A file written on disk shows up by itself, and a folder opens on click.
  const projectDir = path.join(host.workspace, 'projects', 'churn-analysis');
  await fs.mkdir(path.join(projectDir, 'notebooks'));
  await fs.writeFile(path.join(projectDir, 'notebooks', 'explore.ipynb'), '{}');
  await app.treeItem('churn-analysis', 'notebooks').click();
  await expect(app.treeItem('churn-analysis', 'notebooks')).toHaveAttribute('aria-expanded', 'true');
  await expect(app.treeItem('churn-analysis', 'explore.ipynb')).toBeVisible();

  await app.tab('Pipelines').click();
  await expect(app.page.getByRole('table', { name: 'Pipelines' })).toContainText('main.orchest');
  await app.tab('Environments').click();
  await expect(app.page.getByRole('table', { name: 'Environments' })).toContainText('Python 3');

  await app.tab('Files').click();
  await app.page.screenshot({ path: path.join(REPO, 'docs', 'screenshot.png') });

  // The same project, seen from the CLI against this host.
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'projects', 'list', '--json'], {
    env: { ...process.env, ORCHEST_DESKTOP_HOME: host.home, ORCHEST_DESKTOP_URL: '' },
  });
  expect(JSON.parse(stdout)).toEqual([{ uuid: expect.any(String), name: 'churn-analysis', path: projectDir }]);
});

test('a name outside the rule is refused as it is typed', async ({ app }) => {
  await app.page.getByRole('button', { name: 'New project' }).click();
  const dialog = app.newProjectDialog();
  await dialog.getByLabel('Name').fill('../escape');
  await expect(dialog).toContainText("Project names use only letters, digits, '_', '.' and '-'");
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
});

test('a taken name is refused by the host with the reason', async ({ app }) => {
  await app.createProject('twice');
  await expect(app.projectLink('twice')).toBeVisible();
  await app.createProject('twice');
  await expect(app.newProjectDialog()).toContainText("A project named 'twice' already exists");
});

test('deleting a project asks for its name first', async ({ app, host }) => {
  await app.createProject('doomed');
  await expect(app.projectTitle).toHaveText('doomed');
  await app.deleteProject('doomed');
  await expect(app.projectLink('doomed')).toHaveCount(0);
  await expect(fs.stat(path.join(host.workspace, 'projects', 'doomed'))).rejects.toThrow();
});

test('the Docker engine shows with its version', async ({ app }) => {
  const docker = await requireDocker();
  const { Version } = await docker.version();
  await expect(app.engineStatus).toHaveText(`Docker ${Version}`);
});

test('the UI is refused without the token', async ({ page, host }) => {
  const response = await page.goto(`http://127.0.0.1:${host.port}/`);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('Open Orchest Desktop with the link it printed');
});

test('an existing folder is imported in place and only removed from the list', async ({ app, host }) => {
  const folder = path.join(path.dirname(host.workspace), 'my-repo');
  await fs.mkdir(folder);
  await fs.writeFile(path.join(folder, 'analysis.py'), 'print("hi")\n');
  await app.page.getByRole('button', { name: 'Import folder' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Import folder' });
  await dialog.getByLabel('Folder path').fill(folder);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.projectTitle).toHaveText('my-repo');
  await expect(app.treeItem('my-repo', 'analysis.py')).toBeVisible();
  await app.deleteProject('my-repo', 'Remove from list');
  await expect(app.projectLink('my-repo')).toHaveCount(0);
  expect(await fs.readFile(path.join(folder, 'analysis.py'), 'utf8')).toBe('print("hi")\n');
});
