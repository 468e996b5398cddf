import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUSYBOX_IMAGE, ensureTestImage } from '../helpers/test-images';
import { idleService, saveServices } from '../helpers/session-app';
import { expect, projectNamed, test } from './fixtures';
import { LogsPage } from './pages/logs-page';
import { PipelinePage } from './pages/pipeline-page';

/** Says hello on stdout and oops on stderr, then prints late-line-<content> each time the trigger file appears. */
const TALKER =
  `-c "echo hello; echo oops >&2; while true; do sleep 0.3; ` +
  `[ -f /project-dir/more ] && echo late-line-$(cat /project-dir/more) && rm /project-dir/more; done"`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensureTestImage('busybox');
});

test('LOGS shows a service live: stdout and a marked stderr line, a line written after opening, found by search', async ({ app, host }) => {
  await app.createProject('with-logs');
  await expect(app.projectTitle).toHaveText('with-logs');
  const bridge = await host.connect();
  const project = await projectNamed(bridge, 'with-logs');
  const projectId = project.uuid;
  const talker = idleService('talker', BUSYBOX_IMAGE, { args: TALKER, binds: { '/project-dir': '/project-dir' } });
  await saveServices(bridge, projectId, { talker });
  bridge.close();

  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  await expect(pipeline.heading).toHaveText('Main');
  const logs = new LogsPage(app.page);
  await logs.openFromHeader();
  await expect(app.page.getByTestId('logs-empty')).toContainText('Start the session');

  await pipeline.sessionButton('Start session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session running', { timeout: 30_000 });
  await expect(logs.line('hello')).toBeVisible({ timeout: 15_000 });
  await expect(logs.line('hello')).toHaveAttribute('data-stream', 'out');
  await expect(logs.line('oops')).toHaveAttribute('data-stream', 'err');
  await expect(logs.line('oops')).toHaveClass(/log-line--err/);

  await writeFile(path.join(project.path, 'more'), '42\n');
  await expect(logs.line('late-line-42')).toBeVisible({ timeout: 15_000 });

  await logs.search('late-line');
  await expect(logs.line('late-line-42').locator('mark')).toHaveText('late-line');
  await expect(logs.searchStatus).toHaveText('1 of 1');
  await logs.toggle('Only matching').click();
  await expect(logs.list.getByTestId('log-line')).toHaveCount(1);
  await expect(logs.line('hello')).toHaveCount(0);
  await logs.toggle('Only matching').click();
  await expect(logs.line('hello')).toBeVisible();
  await app.page.screenshot({ path: test.info().outputPath('logs.png') });

  // The session panel's Logs button opens the same log by its service's name, at an address of its own.
  await logs.openForService('talker');
  await expect(app.page).toHaveURL(/\/logs\/talker$/);
  await expect(logs.source).toHaveValue('talker');
  await expect(logs.line('late-line-42')).toBeVisible();

  await pipeline.sessionButton('Stop session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session stopped', { timeout: 30_000 });
  await expect(logs.line('hello')).toBeVisible();
});

test('LOGS stops following when scrolled up and follows again from the button', async ({ app, host }) => {
  await app.createProject('long-logs');
  await expect(app.projectTitle).toHaveText('long-logs');
  const bridge = await host.connect();
  const projectId = (await projectNamed(bridge, 'long-logs')).uuid;
  const counter = idleService('counter', BUSYBOX_IMAGE, { args: `-c "seq 1 3000 | sed s/^/count-/; while :; do sleep 1; done"` });
  await saveServices(bridge, projectId, { counter });
  bridge.close();

  const pipeline = new PipelinePage(app.page);
  await pipeline.open('Main');
  const logs = new LogsPage(app.page);
  await logs.openFromHeader();
  await pipeline.sessionButton('Start session').click();
  await expect(logs.line(/count-3000$/)).toBeVisible({ timeout: 30_000 });
  await expect(logs.followButton).toBeHidden();

  // Only the rows in view are drawn, and the scrollbar spans every line.
  expect(await logs.list.getByTestId('log-line').count()).toBeLessThan(200);
  await logs.list.evaluate((element) => (element.scrollTop = 0));
  await expect(logs.line(/count-1$/)).toBeVisible();
  await expect(logs.followButton).toBeVisible();

  await logs.followButton.click();
  await expect(logs.line(/count-3000$/)).toBeVisible();
  await expect(logs.followButton).toBeHidden();
});
