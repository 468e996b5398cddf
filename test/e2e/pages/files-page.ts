import type { Locator, Page } from '@playwright/test';

/** The Files tab: its toolbar, tree, dialogs and the open file. */
export class FilesPage {
  readonly tree: Locator;
  readonly view: Locator;
  readonly editor: Locator;

  constructor(
    readonly page: Page,
    projectName: string,
  ) {
    this.tree = page.getByRole('tree', { name: `Files of ${projectName}` });
    this.view = page.getByTestId('file-view');
    this.editor = this.view.getByRole('textbox', { name: /^Contents of / });
  }

  item(name: string): Locator {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  action(name: 'New file' | 'New folder' | 'Rename' | 'Delete'): Locator {
    return this.page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name, exact: true });
  }

  /** New file / New folder / Rename: types the name and confirms. */
  async name(action: 'New file' | 'New folder' | 'Rename', name: string): Promise<void> {
    await this.action(action).click();
    const dialog = this.page.getByRole('dialog', { name: action });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: action === 'Rename' ? 'Rename' : 'Create', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
