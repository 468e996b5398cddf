import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { PipelinePage } from './pages/pipeline-page';

/** What Orchest's json.dump(indent=4, sort_keys=True) writes. */
function orchestJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]))
        : v;
  return JSON.stringify(sort(value), null, 4);
}

test('a person adds Redis from the templates, changes its port and saves', async ({ app, host }) => {
  await app.createProject('with-redis');
  await expect(app.projectTitle).toHaveText('with-redis');
  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await expect(pipeline.heading).toHaveText('Main');
  await pipeline.section('Services').click();
  await expect(app.page.getByText('Changes take effect when the session (re)starts')).toBeVisible();

  await pipeline.addService('Redis');
  await expect(pipeline.field('Name')).toHaveValue('redis');
  await expect(pipeline.field('Image')).toHaveValue('redis');
  await expect(pipeline.field('Ports')).toHaveValue('6379');
  await pipeline.field('Ports').fill('6380');
  // Unsaved edits survive a look at the overview.
  await pipeline.section('Overview').click();
  await pipeline.section('Services').click();
  await expect(pipeline.field('Ports')).toHaveValue('6380');
  await pipeline.saveButton.click();
  await expect(app.page.getByTestId('services-notice')).toHaveText('Saved');
  await expect(pipeline.saveButton).toBeDisabled();

  const text = await fs.readFile(path.join(host.workspace, 'projects', 'with-redis', 'main.orchest'), 'utf8');
  const saved = JSON.parse(text) as Record<string, unknown>;
  expect(saved.services).toEqual({
    redis: {
      name: 'redis',
      image: 'redis',
      ports: [6380],
      order: 0,
      scope: ['interactive', 'noninteractive'],
      exposed: true,
      requires_authentication: true,
    },
  });
  expect(saved.version).toBe('1.2.3');
  expect(text.trimEnd()).toBe(orchestJson(saved));

  // A second Redis gets the next free name and order.
  await pipeline.addService('Redis');
  await expect(pipeline.field('Name')).toHaveValue('redis1');
  await expect(pipeline.serviceInList('redis1')).toBeVisible();
});

test('a port outside 1-65535 is named next to the field and blocks Save', async ({ app }) => {
  await app.createProject('bad-port');
  await expect(app.projectTitle).toHaveText('bad-port');
  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await pipeline.section('Services').click();
  await pipeline.addService('Redis');
  await expect(pipeline.saveButton).toBeEnabled();

  await pipeline.field('Ports').fill('70000');
  await expect(pipeline.field('Ports')).toHaveAttribute('aria-invalid', 'true');
  await expect(pipeline.serviceEditor).toContainText('70000 is outside 1-65535');
  await expect(pipeline.saveButton).toBeDisabled();

  await pipeline.field('Name').fill('Redis Cache');
  await expect(pipeline.serviceEditor).toContainText('lower-case letters, digits and "-"');
  await pipeline.field('Ports').fill('6379');
  await pipeline.field('Name').fill('cache');
  await expect(pipeline.saveButton).toBeEnabled();
});

test('a save over a file changed on disk is refused and the file reloaded', async ({ app, host }) => {
  await app.createProject('changed');
  await expect(app.projectTitle).toHaveText('changed');
  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await pipeline.section('Services').click();
  await pipeline.addService('PostgreSQL');
  await expect(pipeline.field('Data directory mount path')).toHaveValue('/data');

  const file = path.join(host.workspace, 'projects', 'changed', 'main.orchest');
  const json = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  await fs.writeFile(file, orchestJson({ ...json, name: 'Edited elsewhere' }));
  await pipeline.saveButton.click();

  await expect(app.page.getByTestId('services-notice')).toHaveText('The file changed on disk; reloaded');
  await expect(pipeline.heading).toHaveText('Edited elsewhere');
  await expect(app.page.getByTestId('no-services')).toBeVisible();
  expect(JSON.parse(await fs.readFile(file, 'utf8'))).not.toHaveProperty('services');
});

test('deleting a service asks first, and keeps what the form does not know', async ({ app, host }) => {
  await app.createProject('keep-keys');
  await expect(app.projectTitle).toHaveText('keep-keys');
  const file = path.join(host.workspace, 'projects', 'keep-keys', 'main.orchest');
  const json = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  const service = (name: string, order: number) => ({
    name, image: 'busybox', ports: [8080], order, scope: ['interactive'], exposed: false, requires_authentication: true, 'x-extra': { keep: true },
  });
  await fs.writeFile(file, orchestJson({ ...json, services: { a: service('a', 1), b: service('b', 0) } }));

  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await pipeline.section('Services').click();
  await expect(app.page.getByRole('list', { name: 'Services' }).getByRole('button')).toHaveText([/^b/, /^a/]);

  await pipeline.serviceEditor.getByRole('button', { name: 'Delete service' }).click();
  await app.page.getByRole('dialog', { name: 'Delete service' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(pipeline.serviceInList('b')).toHaveCount(0);
  await pipeline.field('Image').fill('busybox:1.36');
  await pipeline.saveButton.click();
  await expect(app.page.getByTestId('services-notice')).toHaveText('Saved');

  const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { services: Record<string, unknown> };
  expect(saved.services).toEqual({ a: { ...service('a', 1), image: 'busybox:1.36' } });
});

test('the project\'s variable names are offered for inheritance', async ({ app, host }) => {
  await app.createProject('inherits');
  await expect(app.projectTitle).toHaveText('inherits');
  const bridge = await host.connect();
  const [project] = await bridge.request('projects.list', {});
  await bridge.request('variables.set', { projectId: project!.uuid, variables: { API_TOKEN: 'secret' } });
  bridge.close();

  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await pipeline.section('Services').click();
  await pipeline.addService('Streamlit');
  await pipeline.serviceEditor.getByRole('group', { name: 'Variables to inherit' }).getByRole('button', { name: '+ API_TOKEN' }).click();
  await expect(pipeline.field('Inherited environment variables')).toHaveValue('API_TOKEN');
  await pipeline.saveButton.click();
  await expect(app.page.getByTestId('services-notice')).toHaveText('Saved');

  const file = path.join(host.workspace, 'projects', 'inherits', 'main.orchest');
  const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { services: Record<string, Record<string, unknown>> };
  expect(saved.services.streamlit).toMatchObject({ env_variables_inherit: ['API_TOKEN'], preserve_base_path: true, order: 0 });
});
