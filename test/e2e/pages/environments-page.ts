import type { Locator, Page } from '@playwright/test';

/** The project's Environments tab: the list, one environment's editor, and its builds. */
export class EnvironmentsPage {
  readonly list: Locator;
  readonly view: Locator;
  readonly editor: Locator;
  readonly saveButton: Locator;
  readonly script: Locator;
  readonly buildPanel: Locator;
  readonly buildStatus: Locator;
  readonly buildPhase: Locator;
  readonly phases: Locator;
  readonly buildLog: Locator;
  readonly buildFailure: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('table', { name: 'Environments' });
    this.view = page.getByTestId('environment-page');
    this.editor = page.getByRole('form', { name: 'Environment' });
    this.saveButton = this.editor.getByRole('button', { name: 'Save', exact: true });
    this.script = this.editor.getByRole('textbox', { name: 'Set-up script' });
    this.buildPanel = page.getByRole('region', { name: 'Build' });
    this.buildStatus = this.buildPanel.getByTestId('build-status');
    this.buildPhase = this.buildPanel.getByTestId('build-phase');
    this.phases = this.buildPanel.getByRole('list', { name: 'Build phases' });
    this.buildLog = this.buildPanel.getByTestId('build-log');
    this.buildFailure = this.buildPanel.getByTestId('build-failure');
    this.history = this.buildPanel.getByRole('table', { name: 'Builds' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Project sections' }).getByRole('tab', { name: 'Environments', exact: true }).click();
  }

  async create(): Promise<void> {
    await this.page.getByRole('button', { name: 'New environment' }).click();
  }

  environmentLink(name: string): Locator {
    return this.list.getByRole('link', { name, exact: true });
  }

  rowOf(name: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  field(label: 'Name' | 'Base image' | 'Language'): Locator {
    return this.editor.getByLabel(label, { exact: true });
  }

  /** Replaces the set-up script in the code editor. */
  async setScript(text: string): Promise<void> {
    await this.script.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.script.fill(text);
  }

  button(name: 'Build' | 'Cancel build' | 'Duplicate' | 'Delete environment' | 'Full log'): Locator {
    return this.view.getByRole('button', { name, exact: true });
  }

  historyRow(number: number): Locator {
    return this.history.getByTestId(`build-${number}`);
  }

  async backToList(): Promise<void> {
    await this.view.getByRole('link', { name: 'All environments' }).click();
  }
}
