import { BUSYBOX_IMAGE, ensureTestImage } from '../helpers/test-images';
import { idleService, saveServices } from '../helpers/session-app';
import { expect, test } from './fixtures';
import { PipelinePage } from './pages/pipeline-page';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensureTestImage('busybox');
});

test("a person opens a running service's page from the pipeline view, signed in by the link", async ({ app, host }) => {
  const bridge = await host.connect();
  const project = await bridge.request('projects.create', { name: 'with-web' });
  const projectId = project.uuid;
  const page = `echo '<h1>Hello from the web service</h1>' > /www/index.html; exec httpd -f -p 8000 -h /www`;
  await saveServices(bridge, projectId, {
    web: idleService('web', BUSYBOX_IMAGE, { args: `-c "${page}"`, exposed: true }),
  });
  bridge.close();

  await app.projectLink('with-web').click();
  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await pipeline.sessionButton('Start session').click();
  await expect(pipeline.serviceState('web')).toHaveText('running', { timeout: 30_000 });
  const ports = pipeline.servicePorts('web');
  await expect(pipeline.portProbe('web', 8000)).toHaveText('listening', { timeout: 15_000 });
  await expect(ports.getByRole('link')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/service-web-[0-9a-f-]{36}_8000\/$/);

  const [tab] = await Promise.all([app.page.waitForEvent('popup'), ports.getByRole('button', { name: 'Open web port 8000' }).click()]);
  await expect(tab.getByRole('heading', { name: 'Hello from the web service' })).toBeVisible();
  expect(new URL(tab.url()).search).toBe(''); // the one-time token is gone from the address
  await tab.close();

  // The service's own settings say the same while the session runs it.
  await pipeline.section('Services').click();
  await pipeline.serviceInList('web').click();
  const reach = pipeline.serviceEditor.getByRole('group', { name: 'Reach web' });
  await expect(reach.getByRole('link')).toHaveText(await ports.getByRole('link').textContent() ?? '');
  await expect(reach.getByRole('button', { name: 'Open web port 8000' })).toBeVisible();

  await pipeline.sessionButton('Stop session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session stopped', { timeout: 30_000 });
});
