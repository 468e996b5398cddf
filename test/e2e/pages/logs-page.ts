import type { Locator, Page } from '@playwright/test';

/** A pipeline's Logs section: the service or step picker, the search, and the lines in view. */
export class LogsPage {
  readonly panel: Locator;
  readonly list: Locator;
  readonly source: Locator;
  readonly searchBox: Locator;
  readonly searchStatus: Locator;
  readonly followButton: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('logs-panel');
    this.list = this.panel.getByRole('log');
    this.source = this.panel.getByRole('combobox', { name: 'Source' });
    this.searchBox = this.panel.getByRole('searchbox', { name: 'Search the log' });
    this.searchStatus = this.panel.getByTestId('log-search-status');
    this.followButton = this.panel.getByRole('button', { name: /^Follow/ });
  }

  /** The pipeline header's Logs button (all services). */
  async openFromHeader(): Promise<void> {
    await this.page.getByTestId('pipeline-view').getByRole('button', { name: 'Logs', exact: true }).click();
  }

  /** A service's Logs button in the session panel. */
  async openForService(name: string): Promise<void> {
    await this.page.getByRole('table', { name: 'Session services' }).getByRole('button', { name: `Logs of ${name}` }).click();
  }

  /** Rows shown in the list whose text contains `text`. */
  line(text: string | RegExp): Locator {
    return this.list.getByTestId('log-line').filter({ hasText: text });
  }

  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    await this.searchBox.press('Enter');
  }

  toggle(name: 'Only matching' | 'Timestamps' | 'Previous run'): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }
}
