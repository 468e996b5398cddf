import { test as base } from '@playwright/test';
import type { BridgeClient, Project } from '../../electron/contract';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { removeEnvironmentImages, removeLabelled } from '../helpers/session-app';
import { OrchestDesktopPage } from './pages/orchest-desktop-page';

/**
 * Each test gets its own host process (own home and workspace) and the app opened at its URL. After the
 * test, whatever the host made in Docker for its projects (containers, networks, environment images)
 * is removed, however the test ended.
 */
export const test = base.extend<{ host: HostProcess; app: OrchestDesktopPage }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  host: async ({}, use) => {
    const host = await startHostProcess();
    await use(host);
    const projects = await projectsOf(host);
    await host.stop();
    for (const { uuid } of projects) {
      await removeLabelled(uuid);
      await removeEnvironmentImages(uuid);
    }
  },
  app: async ({ page, host }, use) => {
    const app = new OrchestDesktopPage(page);
    await page.goto(host.url);
    await use(app);
  },
});

async function projectsOf(host: HostProcess): Promise<Project[]> {
  const bridge = await host.connect().catch(() => undefined);
  if (!bridge) return [];
  try {
    return await bridge.request('projects.list', {});
  } finally {
    bridge.close();
  }
}

/** The project a test made in the UI, by its name. */
export async function projectNamed(bridge: BridgeClient, name: string): Promise<Project> {
  const project = (await bridge.request('projects.list', {})).find((p) => p.name === name);
  if (!project) throw new Error(`no project ${name}`);
  return project;
}

export { expect } from '@playwright/test';
