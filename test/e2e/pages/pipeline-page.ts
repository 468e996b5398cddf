import type { Locator, Page } from '@playwright/test';

/** One pipeline opened from a project's Pipelines tab: its Services tab, and its session. */
export class PipelinePage {
  readonly view: Locator;
  readonly heading: Locator;
  readonly services: Locator;
  readonly serviceEditor: Locator;
  readonly saveButton: Locator;
  readonly sessionControls: Locator;
  readonly sessionStatus: Locator;
  readonly sessionServices: Locator;
  readonly sessionFailure: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('pipeline-view');
    this.heading = this.view.getByRole('heading', { level: 2 }).first();
    this.services = page.getByRole('form', { name: 'Services' });
    this.serviceEditor = page.getByTestId('service-editor');
    this.saveButton = this.services.getByRole('button', { name: 'Save', exact: true });
    this.sessionControls = this.view.getByRole('group', { name: 'Session' });
    this.sessionStatus = page.getByTestId('session-status');
    this.sessionServices = page.getByRole('table', { name: 'Session services' });
    this.sessionFailure = page.getByTestId('session-failure');
  }

  /** From the project's page: the Pipelines tab, then the pipeline's link. */
  async open(name: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Pipelines' }).click();
    await this.page.getByRole('table', { name: 'Pipelines' }).getByRole('link', { name, exact: true }).click();
  }

  section(name: 'Overview' | 'Services' | 'Variables'): Locator {
    return this.page.getByRole('tablist', { name: 'Pipeline sections' }).getByRole('tab', { name, exact: true });
  }

  async addService(template: string): Promise<void> {
    await this.services.getByRole('button', { name: 'Add service' }).click();
    await this.page.getByRole('dialog', { name: 'Add service' }).getByRole('button', { name: template, exact: true }).click();
  }

  /** A field of the open service, by its exact label. */
  field(label: string): Locator {
    return this.serviceEditor.getByLabel(label, { exact: true });
  }

  serviceInList(name: string): Locator {
    return this.page.getByRole('list', { name: 'Services' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  sessionButton(name: 'Start session' | 'Stop session' | 'Restart session'): Locator {
    return this.sessionControls.getByRole('button', { name, exact: true });
  }

  /** The state pill of one service of the running session, e.g. "running" or "exited (code 3)". */
  serviceState(name: string): Locator {
    return this.sessionServices.getByTestId(`session-service-${name}`).getByTestId('service-state');
  }

  servicePorts(name: string): Locator {
    return this.sessionServices.getByRole('list', { name: `Ports of ${name}` });
  }

  /** Whether the service's port accepts connections: "listening" or "not listening yet". */
  portProbe(name: string, port: number): Locator {
    const item = this.servicePorts(name).getByRole('listitem').filter({ hasText: `${port} → ` });
    return item.getByText(/^(listening|not listening yet)$/);
  }
}
