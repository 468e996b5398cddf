import { test as base } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { OrchestDesktopPage } from './pages/orchest-desktop-page';

/** Each test gets its own host process (own home and workspace) and the app opened at its URL. */
export const test = base.extend<{ host: HostProcess; app: OrchestDesktopPage }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  host: async ({}, use) => {
    const host = await startHostProcess();
    await use(host);
    await host.stop();
  },
  app: async ({ page, host }, use) => {
    const app = new OrchestDesktopPage(page);
    await page.goto(host.url);
    await use(app);
  },
});

export { expect } from '@playwright/test';
