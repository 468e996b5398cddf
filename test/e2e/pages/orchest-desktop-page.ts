import type { Locator, Page } from '@playwright/test';

/** The app as a person sees it: named controls only, so the tests read as what they click. */
export class OrchestDesktopPage {
  readonly engineStatus: Locator;
  readonly projectNav: Locator;
  readonly projectTitle: Locator;

  constructor(readonly page: Page) {
    this.engineStatus = page.getByTestId('engine-status');
    this.projectNav = page.getByRole('navigation', { name: 'Projects' });
    this.projectTitle = page.getByTestId('project-page').getByRole('heading', { level: 1 });
  }

  projectLink(name: string): Locator {
    return this.projectNav.getByRole('link', { name, exact: true });
  }

  newProjectDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'New project' });
  }

  async createProject(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New project' }).click();
    const dialog = this.newProjectDialog();
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Create' }).click();
  }

  tab(name: 'Files' | 'Pipelines' | 'Environments' | 'Variables'): Locator {
    return this.page.getByRole('tablist', { name: 'Project sections' }).getByRole('tab', { name, exact: true });
  }

  fileTree(projectName: string): Locator {
    return this.page.getByRole('tree', { name: `Files of ${projectName}` });
  }

  treeItem(projectName: string, fileName: string): Locator {
    return this.fileTree(projectName).getByRole('treeitem', { name: fileName, exact: true });
  }

  async deleteProject(name: string, button: 'Delete' | 'Remove from list' = 'Delete'): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete project' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete project' });
    await dialog.getByLabel('Project name').fill(name);
    await dialog.getByRole('button', { name: button, exact: true }).click();
  }
}
