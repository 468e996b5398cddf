import type { Locator, Page } from '@playwright/test';

/** The Variables tab of a project or of a pipeline: masked name/value rows and one Save. */
export class VariablesForm {
  readonly form: Locator;
  readonly saveButton: Locator;
  readonly notice: Locator;
  readonly inherited: Locator;

  constructor(
    readonly page: Page,
    name: 'Project variables' | 'Pipeline variables',
  ) {
    this.form = page.getByRole('form', { name });
    this.saveButton = this.form.getByRole('button', { name: 'Save', exact: true });
    this.notice = this.form.getByTestId('variables-notice');
    this.inherited = this.form.getByRole('table', { name: 'Inherited project variables' });
  }

  /** Row numbers count from 1, as their labels do. */
  name(row: number): Locator {
    return this.form.getByLabel(`Name of variable ${row}`, { exact: true });
  }

  value(row: number): Locator {
    return this.form.getByLabel(`Value of variable ${row}`, { exact: true });
  }

  showValue(row: number): Locator {
    return this.form.getByRole('button', { name: `Show value of variable ${row}`, exact: true });
  }

  /** Adds a row and types into it; the new row is the last one. */
  async add(name: string, value: string): Promise<void> {
    await this.form.getByRole('button', { name: 'Add variable' }).click();
    const row = await this.form.getByRole('listitem').count();
    await this.name(row).fill(name);
    await this.value(row).fill(value);
  }

  inheritedRow(name: string): Locator {
    return this.inherited.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }
}
