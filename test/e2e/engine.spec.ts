import { startHostProcess } from '../helpers/host-process';
import { OrchestDesktopPage } from './pages/orchest-desktop-page';
import { expect, test } from '@playwright/test';

test('an unreachable Docker engine is reported with its reason and a retry, and the rest works', async ({ page }) => {
  const host = await startHostProcess({ env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
  try {
    const app = new OrchestDesktopPage(page);
    await page.goto(host.url);
    await expect(app.engineStatus).toHaveText('Docker is not reachable: no Docker socket at /nonexistent/docker.sock');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(app.engineStatus).toContainText('Docker is not reachable');
    await app.createProject('offline');
    await expect(app.projectTitle).toHaveText('offline');
  } finally {
    await host.stop();
  }
});
