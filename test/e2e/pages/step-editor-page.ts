import type { Locator, Page } from '@playwright/test';

/** The pipeline editor on a pipeline's Overview: its toolbar, graph, file list and the selected step's panel. */
export class StepEditorPage {
  readonly toolbar: Locator;
  readonly graph: Locator;
  readonly details: Locator;
  readonly files: Locator;
  readonly saveState: Locator;

  constructor(readonly page: Page) {
    const view = page.getByTestId('pipeline-view');
    this.toolbar = view.getByRole('toolbar', { name: 'Edit steps' });
    this.graph = view.getByTestId('pipeline-graph');
    this.details = view.getByTestId('step-details');
    this.files = view.getByRole('navigation', { name: 'Project files' });
    this.saveState = view.getByTestId('save-state');
  }

  button(name: 'New step' | 'Duplicate' | 'Delete' | 'Undo' | 'Redo'): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** A step's box on the graph, by its title. */
  step(title: string): Locator {
    return this.graph.getByTestId('step-node').filter({ has: this.page.getByRole('button', { name: new RegExp(`^${title}\\b`) }) });
  }

  /** Zooms the graph so that every step is in sight. */
  async fitView(): Promise<void> {
    await this.graph.getByRole('button', { name: 'Fit View' }).click();
  }

  field(label: 'Title' | 'File path' | 'Environment' | 'Parameters'): Locator {
    return this.details.getByLabel(label, { exact: true });
  }

  /** Makes the selected step's file with the File path field's New file. */
  async createFile(name: string, extension: string): Promise<void> {
    await this.details.getByRole('button', { name: 'New file', exact: true }).click();
    const group = this.details.getByRole('group', { name: 'New file' });
    await group.getByLabel('New file name').fill(name);
    await group.getByLabel('Extension').selectOption(extension);
    await group.getByRole('button', { name: 'Create file' }).click();
  }

  /** Drags from one step's output handle to another's input handle. */
  async connect(from: string, to: string): Promise<void> {
    await this.graph.scrollIntoViewIfNeeded();
    const source = this.step(from).locator('.react-flow__handle.source');
    const target = this.step(to).locator('.react-flow__handle.target');
    const a = (await source.boundingBox())!;
    const b = (await target.boundingBox())!;
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }
}
