import { APP_ORIGIN } from '../../electron/core/policies/navigation-policy';
import { PipelinePage } from '../e2e/pages/pipeline-page';
import { idleService, saveServices } from '../helpers/session-app';
import { BUSYBOX_IMAGE, ensureTestImage } from '../helpers/test-images';
import { expect, FOLDER_PROJECT, test } from './fixtures';

/** What the tests record in the main process (on its globalThis) with electronApp.evaluate. */
type MainRecord = {
  navigations: { url: string; refused: boolean }[];
  handover: { secondInstance: number; focus: number };
};

const ON_APP = new RegExp(`^${APP_ORIGIN}/`);

test('the window shows the app, which lists the workspace projects over the IPC bridge', async ({ desktop }) => {
  const { page, app } = desktop;
  await expect(page).toHaveURL(ON_APP);
  await expect(app.projectLink(FOLDER_PROJECT)).toBeVisible();
  // The page gets the preload's two functions and nothing of Node.
  const globals = await page.evaluate(() => {
    const win = window as unknown as { orchestDesktop?: object; require?: unknown; process?: unknown };
    return { bridge: Object.keys(win.orchestDesktop ?? {}).sort(), require: typeof win.require, process: typeof win.process };
  });
  expect(globals).toEqual({ bridge: ['onEvent', 'request'], require: 'undefined', process: 'undefined' });
});

test('the window cannot be navigated away nor open another window', async ({ desktop }) => {
  const { electronApp, page, app } = desktop;
  await expect(app.projectLink(FOLDER_PROJECT)).toBeVisible();
  await electronApp.evaluate(({ BrowserWindow }) => {
    const navigations: MainRecord['navigations'] = [];
    (globalThis as unknown as MainRecord).navigations = navigations;
    // Added after the shell's guard, so it sees the guard's verdict.
    BrowserWindow.getAllWindows()[0]?.webContents.on('will-navigate', (event) => {
      navigations.push({ url: event.url, refused: event.defaultPrevented });
    });
  });

  await page.evaluate(() => {
    (window as unknown as { marked: boolean }).marked = true;
    window.location.href = 'https://example.com/';
  });
  const navigations = () => electronApp.evaluate(() => (globalThis as unknown as MainRecord).navigations);
  await expect.poll(navigations).toEqual([{ url: 'https://example.com/', refused: true }]);
  // Still the same document on the app's origin.
  expect(await page.evaluate(() => (window as unknown as { marked?: boolean }).marked)).toBe(true);
  await expect(page).toHaveURL(ON_APP);

  expect(await page.evaluate(() => window.open('https://example.com/', '_blank') === null)).toBe(true);
  expect(electronApp.windows()).toHaveLength(1);
  expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  // Neither is a URL the system browser may be given (only the app's proxy on 127.0.0.1 is).
  expect(await desktop.openedExternally()).toEqual([]);
});

test("a service's Open hands the proxy's link to the system browser", async ({ desktop }) => {
  test.setTimeout(180_000);
  await ensureTestImage('busybox');
  const bridge = await desktop.connect();
  const project = await bridge.request('projects.create', { name: 'with-web' });
  const serve = `echo '<h1>Hello from the web service</h1>' > /www/index.html; exec httpd -f -p 8000 -h /www`;
  await saveServices(bridge, project.uuid, {
    web: idleService('web', BUSYBOX_IMAGE, { args: `-c "${serve}"`, exposed: true }),
  });
  const { origin } = await bridge.request('proxy.status', {});
  bridge.close();
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

  await desktop.app.projectLink('with-web').click();
  const pipeline = new PipelinePage(desktop.page);
  await pipeline.open('Main');
  await pipeline.sessionButton('Start session').click();
  await expect(pipeline.serviceState('web')).toHaveText('running', { timeout: 30_000 });
  const ports = pipeline.servicePorts('web');
  await expect(pipeline.portProbe('web', 8000)).toHaveText('listening', { timeout: 15_000 });
  const address = await ports.getByRole('link').textContent();

  await ports.getByRole('button', { name: 'Open web port 8000' }).click();
  await expect.poll(() => desktop.openedExternally()).toHaveLength(1);
  const opened = new URL((await desktop.openedExternally())[0] ?? '');
  // The service's address on the proxy (its one-time sign-in token aside).
  expect(opened.origin).toBe(origin);
  expect(`${opened.origin}${opened.pathname}`).toBe(address);
  expect(opened.pathname).toMatch(/^\/service-web-[0-9a-f-]{36}_8000\/$/);
  expect(desktop.electronApp.windows()).toHaveLength(1);
  await expect(desktop.page).toHaveURL(ON_APP);

  await pipeline.sessionButton('Stop session').click();
  await expect(pipeline.sessionStatus).toHaveText('Session stopped', { timeout: 30_000 });
});

test('a second launch hands over to the running app and quits; the first brings its window back', async ({ desktop }) => {
  const { electronApp } = desktop;
  await expect(desktop.app.projectLink(FOLDER_PROJECT)).toBeVisible();
  // Focus is the window manager's to give (Xvfb has none), so watch what the shell asks of the window.
  await electronApp.evaluate(({ app, BrowserWindow }) => {
    const [win] = BrowserWindow.getAllWindows();
    if (!win) throw new Error('the app has no window');
    const handover = { secondInstance: 0, focus: 0 };
    (globalThis as unknown as MainRecord).handover = handover;
    app.on('second-instance', () => {
      handover.secondInstance++;
    });
    const focus = win.focus.bind(win);
    win.focus = () => {
      handover.focus++;
      focus();
    };
    win.hide();
  });

  // Its output is in the message if it fails.
  expect(await desktop.launchAgain()).toMatchObject({ code: 0 });
  const firstApp = () =>
    electronApp.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      return { ...(globalThis as unknown as MainRecord).handover, windows: windows.length, visible: windows[0]?.isVisible() };
    });
  await expect.poll(firstApp).toEqual({ secondInstance: 1, focus: 1, windows: 1, visible: true });
});
