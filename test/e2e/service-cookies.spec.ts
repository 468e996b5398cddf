import fs from 'node:fs/promises';
import path from 'node:path';
import { DEBIAN_IMAGE, ensureTestImage } from '../helpers/test-images';
import { idleService, saveServices } from '../helpers/session-app';
import { expect, test } from './fixtures';
import { PipelinePage } from './pages/pipeline-page';

const ECHO_SERVICE = path.resolve(import.meta.dirname, '../fixtures/services/http_service.py');

test.beforeAll(async () => {
  test.setTimeout(600_000);
  await ensureTestImage('debian');
});

test("no cookie of the app reaches a service the browser opens, signed in or not; the service's own do", async ({ app, host, context }) => {
  test.setTimeout(180_000);
  const bridge = await host.connect();
  const project = await bridge.request('projects.create', { name: 'cookies' });
  await fs.copyFile(ECHO_SERVICE, path.join(project.path, 'http_service.py'));
  const echo = (name: string, extra: Record<string, unknown>) =>
    idleService(name, DEBIAN_IMAGE, { command: 'python3', args: '-u /project-dir/http_service.py', binds: { '/project-dir': '/project-dir' }, ports: [8080], exposed: true, ...extra });
  await saveServices(bridge, project.uuid, { guarded: echo('guarded', {}), open: echo('open', { requires_authentication: false }) });
  bridge.close();
  await context.addCookies([{ name: 'theirs', value: 'kept', domain: '127.0.0.1', path: '/' }]);

  await app.projectLink('cookies').click();
  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await pipeline.sessionButton('Start session').click();
  // Python takes a moment to listen; the page the proxy gives meanwhile is not the service's.
  for (const name of ['guarded', 'open']) await expect(pipeline.portProbe(name, 8080)).toHaveText('listening', { timeout: 60_000 });

  /** What the service says it received, read in a tab the Open button opened. */
  const received = async (name: string) => {
    const [tab] = await Promise.all([app.page.waitForEvent('popup'), pipeline.servicePorts(name).getByRole('button', { name: `Open ${name} port 8080` }).click()]);
    const seen = JSON.parse((await tab.locator('body').textContent()) ?? '') as { headers: Record<string, string> };
    await tab.close();
    return seen.headers;
  };
  expect((await received('guarded')).cookie).toBe('theirs=kept');
  expect((await received('open')).cookie).toBe('theirs=kept');

  // The browser holds both of the app's cookies, so the test is not passing for want of them.
  const names = (await context.cookies('http://127.0.0.1')).map((c) => c.name);
  expect(names).toContainEqual(`orchest_desktop_${host.port}`);
  expect(names).toContainEqual(expect.stringMatching(/^orchest_desktop_proxy_\d+$/));

  await pipeline.sessionButton('Stop session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session stopped', { timeout: 30_000 });
});
