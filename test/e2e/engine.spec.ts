import { execFileSync } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { makeTempDir } from '../helpers/temp-dir';
import { OrchestDesktopPage } from './pages/orchest-desktop-page';
import { expect, test, type Page } from '@playwright/test';

const ENGINE_SOCKET = '/var/run/docker.sock';

/** Each test points DOCKER_HOST at a socket of its own in a temp folder, removed afterwards. */
async function withSocketDir(work: (dir: string) => Promise<void>): Promise<void> {
  const { dir, cleanup } = await makeTempDir('od-engine-');
  try {
    await work(dir);
  } finally {
    await cleanup();
  }
}

/** A socket file that nobody listens on: bound by a process that has ended. */
function deadSocket(file: string): void {
  execFileSync('python3', ['-c', 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])', file]);
}

/** A socket at `file` that passes every connection on to the real engine. */
async function relayToEngine(file: string): Promise<net.Server> {
  const server = net.createServer((client) => {
    const engine = net.connect(ENGINE_SOCKET);
    client.pipe(engine).pipe(client);
    const close = () => (client.destroy(), engine.destroy());
    client.on('error', close);
    engine.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(file, resolve));
  return server;
}

async function closeServer(server: net.Server | undefined): Promise<void> {
  if (server) await new Promise((resolve) => server.close(resolve));
}

/** The engine.status requests with refresh the page sends over its WebSocket, from now on. */
function engineRefreshesSent(page: Page): string[] {
  const sent: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { name?: string; input?: { refresh?: boolean } };
      if (frame.name === 'engine.status' && frame.input?.refresh) sent.push(String(payload));
    }),
  );
  return sent;
}

async function openApp(page: Page, host: HostProcess): Promise<{ app: OrchestDesktopPage; setup: ReturnType<Page['getByTestId']> }> {
  await page.goto(host.url);
  return { app: new OrchestDesktopPage(page), setup: page.getByTestId('engine-setup') };
}

test('DOCKER_HOST that points nowhere: said so with how to unset it, and projects still work', async ({ page }) => {
  await withSocketDir(async (dir) => {
    const socket = path.join(dir, 'docker.sock');
    const host = await startHostProcess({ env: { DOCKER_HOST: `unix://${socket}` } });
    try {
      const refreshes = engineRefreshesSent(page);
      const { app, setup } = await openApp(page, host);
      await expect(setup).toHaveAttribute('data-state', 'host-unreachable');
      await expect(setup.getByRole('heading')).toHaveText('DOCKER_HOST points nowhere');
      await expect(setup).toContainText(`No Docker socket at ${socket} (looked for it at unix://${socket}).`);
      await expect(setup.getByRole('listitem').first()).toContainText(`DOCKER_HOST is unix://${socket}, and no engine is there.`);
      await expect(setup.getByRole('listitem').first().locator('code')).toHaveText('unset DOCKER_HOST');
      await expect(app.engineStatus).toHaveText('DOCKER_HOST points nowhere');
      await expect(app.engineStatus).toHaveAttribute('title', `DOCKER_HOST points nowhere: no Docker socket at ${socket} (looked for it at unix://${socket})`);

      // Both buttons ask the engine again, over the bridge.
      expect(refreshes).toEqual([]);
      await setup.getByRole('button', { name: 'Check now' }).click();
      await expect.poll(() => refreshes.length).toBe(1);
      await page.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => refreshes.length).toBe(2);

      await app.createProject('offline');
      await expect(app.projectTitle).toHaveText('offline');
    } finally {
      await host.stop();
    }
  });
});

test('an engine installed but not running: said so, and the screen turns green by itself when it starts', async ({ page }) => {
  await withSocketDir(async (dir) => {
    const socket = path.join(dir, 'docker.sock');
    deadSocket(socket);
    const host = await startHostProcess({ env: { DOCKER_HOST: `unix://${socket}` } });
    let relay: net.Server | undefined;
    try {
      const { app, setup } = await openApp(page, host);
      await expect(setup).toHaveAttribute('data-state', 'not-running');
      await expect(setup.getByRole('heading')).toHaveText('Docker is installed but not running');
      await expect(setup).toContainText(`Connection refused at ${socket}`);
      await expect(setup.locator('code', { hasText: 'sudo systemctl start docker' })).toBeVisible();

      await rm(socket);
      relay = await relayToEngine(socket);
      await expect(setup).toHaveAttribute('data-state', 'running');
      await expect(setup.getByRole('heading')).toHaveText(/^Docker \S+ is running$/);
      await expect(app.engineStatus).toHaveText(/^Docker \S+$/);
      await setup.getByRole('button', { name: 'Done' }).click();
      await expect(setup).toHaveCount(0);
    } finally {
      await host.stop();
      await closeServer(relay);
    }
  });
});

test('a socket the user may not open: permission denied, with the docker group to join', async ({ page }) => {
  await withSocketDir(async (dir) => {
    const socket = path.join(dir, 'docker.sock');
    const relay = await relayToEngine(socket);
    await chmod(socket, 0o000);
    // root opens any file: the host runs without that power, as a user outside the docker group would.
    const under = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search'] : [];
    const host = await startHostProcess({ env: { DOCKER_HOST: `unix://${socket}` }, under });
    try {
      const { setup } = await openApp(page, host);
      await expect(setup).toHaveAttribute('data-state', 'permission-denied');
      await expect(setup.getByRole('heading')).toHaveText('No permission to use Docker');
      await expect(setup).toContainText(`Permission denied on ${socket}`);
      await expect(setup.locator('code', { hasText: 'sudo usermod -aG docker $USER' })).toBeVisible();
    } finally {
      await host.stop();
      await closeServer(relay);
    }
  });
});

test('Settings show where the logs are and copy the diagnostics, secrets left out', async ({ page, context }) => {
  const { dir, cleanup } = await makeTempDir('od-host-');
  try {
    await mkdir(path.join(dir, 'home'), { recursive: true });
    const planted = 'planted-secret-0xC0FFEE';
    await writeFile(path.join(dir, 'home', 'settings.json'), JSON.stringify({ theme: 'dark', registryToken: planted }));
    const host = await startHostProcess({ dir, env: { DOCKER_HOST: `unix://${path.join(dir, 'none.sock')}` } });
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
      await page.goto(host.url);
      await page.getByRole('button', { name: 'Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await expect(dialog.getByTestId('logs-folder')).toHaveText(`The app's own logs: ${path.join(host.home, 'logs')}`);
      // The headless host has no keychain, and says so rather than claim encryption.
      await expect(dialog.getByTestId('secrets-storage')).toHaveText(
        `Project and pipeline variables are kept unencrypted, in a file only you can read (no system keychain encrypts them here): ${path.join(host.home, 'variables.json')}`,
      );
      await dialog.getByRole('button', { name: 'Copy diagnostics' }).click();
      await expect(dialog.getByRole('button', { name: 'Copy diagnostics' })).toHaveText('Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(/^Orchest Desktop \S+ \(headless host\)\nNode\.js \S+\nOS: linux /);
      expect(copied).toContain('Docker: not reachable (host-unreachable)');
      expect(copied).toContain(`Logs: ${path.join(host.home, 'logs')}`);
      expect(copied).toContain('  registryToken: (left out)');
      expect(copied).toContain('  theme: dark');
      expect(copied).not.toContain(planted);
      expect(copied).not.toContain(host.token);
    } finally {
      await host.stop();
    }
  } finally {
    await cleanup();
  }
});
