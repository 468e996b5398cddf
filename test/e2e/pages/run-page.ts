import type { Locator, Page } from '@playwright/test';

/** A pipeline's run: the header's Run controls, and the steps on the Overview's graph with their states. */
export class RunPage {
  readonly controls: Locator;
  readonly status: Locator;
  readonly message: Locator;
  readonly error: Locator;
  readonly graph: Locator;
  readonly selection: Locator;

  constructor(readonly page: Page) {
    const view = page.getByTestId('pipeline-view');
    this.controls = view.getByRole('group', { name: 'Run', exact: true });
    this.status = this.controls.getByTestId('run-status');
    this.message = this.controls.getByTestId('run-message');
    this.error = view.getByTestId('run-error');
    this.graph = view.getByTestId('pipeline-graph');
    this.selection = view.getByRole('toolbar', { name: 'Selected steps' });
  }

  button(name: 'Run' | 'Cancel run'): Locator {
    return this.controls.getByRole('button', { name, exact: true });
  }

  selectionButton(name: 'Run selected' | 'Run selected and after' | 'Clear selection'): Locator {
    return this.selection.getByRole('button', { name, exact: true });
  }

  /** A step's node on the graph, by its title; its `data-status` is its state in the latest run. */
  step(title: string): Locator {
    return this.graph.getByTestId('step-node').filter({ has: this.page.getByRole('button', { name: new RegExp(`^${title}\\b`) }) });
  }

  stepStatus(title: string): Locator {
    return this.step(title).getByTestId('step-status');
  }

  stepLog(title: string): Locator {
    return this.step(title).getByRole('link', { name: `Log of ${title}` });
  }
}
