import type { Locator, Page } from '@playwright/test';

/** The project's Jobs tab, one job's page and one run's page, by the names a person sees. */
export class JobsPage {
  readonly tab: Locator;
  readonly list: Locator;
  readonly newJobDialog: Locator;
  readonly jobPage: Locator;
  readonly status: Locator;
  readonly editor: Locator;
  readonly preview: Locator;
  readonly previewCount: Locator;
  readonly runs: Locator;
  readonly runPage: Locator;
  readonly runStatus: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tablist', { name: 'Project sections' }).getByRole('tab', { name: 'Jobs', exact: true });
    this.list = page.getByRole('table', { name: 'Jobs' });
    this.newJobDialog = page.getByRole('dialog', { name: 'New job' });
    this.jobPage = page.getByTestId('job-page');
    this.status = this.jobPage.getByTestId('job-status');
    this.editor = page.getByRole('form', { name: 'Job settings' });
    this.preview = page.getByRole('table', { name: 'Runs of the grid' });
    this.previewCount = page.getByTestId('preview-count');
    this.runs = page.getByRole('table', { name: 'Runs of the job' }).getByTestId('job-run-row');
    this.runPage = page.getByTestId('job-run-page');
    this.runStatus = this.runPage.getByTestId('job-run-status');
  }

  /** New job: the pipeline (by its option's label) and a name; opens the draft. */
  async createJob(pipeline: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New job' }).first().click();
    await this.newJobDialog.getByLabel('Pipeline').selectOption({ label: pipeline });
    await this.newJobDialog.getByLabel('Name').fill(name);
    await this.newJobDialog.getByRole('button', { name: 'Create draft' }).click();
  }

  /** A field of the job's settings by its accessible name (Name, When, Time, Cron, "<step>: <parameter>", Runs to keep). */
  field(name: string): Locator {
    return this.editor.getByLabel(name, { exact: true });
  }

  button(name: 'Start' | 'Pause' | 'Resume' | 'Run now' | 'Cancel job' | 'Duplicate' | 'Delete' | 'Save' | 'Revert'): Locator {
    return this.page.getByTestId('job-page').getByRole('button', { name, exact: true });
  }

  /** Rows of the runs table whose parameters contain `text`. */
  runWith(text: string): Locator {
    return this.runs.filter({ hasText: text });
  }

  /** The run page's step, its `data-status` its state. */
  step(title: string): Locator {
    return this.runPage.getByRole('listitem', { name: title });
  }

  stepLogButton(title: string): Locator {
    return this.runPage.getByRole('button', { name: `Log of ${title}` });
  }

  /** The run page's read-only graph. */
  get graph(): Locator {
    return this.runPage.getByTestId('pipeline-graph');
  }

  /** A step's box in the run page's graph, its `data-status` its state in the run. */
  graphStep(title: string): Locator {
    return this.graph.getByTestId('step-node').filter({ has: this.page.locator('.step-node__title', { hasText: title }) });
  }

  /** A file or folder of the run's copy of the project, by name. */
  runFile(name: string): Locator {
    return this.runPage.getByTestId('job-run-files').getByRole('treeitem', { name, exact: true });
  }

  /** The text of the run's file opened (read-only). */
  get runFileText(): Locator {
    return this.runPage.getByTestId('job-run-file-text');
  }
}
