import { test as base } from '@playwright/test';
import type { BridgeClient, Project } from '../../electron/contract';
import { ProjectRegistry } from '../../electron/core/projects/project-registry';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { removeEnvironmentImages, removeOwnedBy } from '../helpers/session-app';
import { OrchestDesktopPage } from './pages/orchest-desktop-page';

/**
 * Each test gets its own host process (own home and workspace) and the app opened at its URL. After the
 * test, whatever the host made in Docker (containers, networks, environment images) is removed, however
 * the test ended, the host's crash included.
 */
export const test = base.extend<{ host: HostProcess; app: OrchestDesktopPage }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  host: async ({}, use) => {
    const host = await startHostProcess();
    await use(host);
    const projects = await projectIdsOf(host);
    await host.stop();
    await removeOwnedBy(host.home);
    for (const uuid of projects) await removeEnvironmentImages(uuid);
  },
  app: async ({ page, host }, use) => {
    const app = new OrchestDesktopPage(page);
    await page.goto(host.url);
    await use(app);
  },
});

/** The host's projects, as it answers; from its home's registry when it cannot (it crashed). */
async function projectIdsOf(host: HostProcess): Promise<string[]> {
  const bridge = await host.connect().catch(() => undefined);
  const listed = await bridge?.request('projects.list', {}).catch(() => undefined);
  bridge?.close();
  return (listed ?? new ProjectRegistry(host.home).entries()).map((project) => project.uuid);
}

/** The project a test made in the UI, by its name. */
export async function projectNamed(bridge: BridgeClient, name: string): Promise<Project> {
  const project = (await bridge.request('projects.list', {})).find((p) => p.name === name);
  if (!project) throw new Error(`no project ${name}`);
  return project;
}

export { expect } from '@playwright/test';
