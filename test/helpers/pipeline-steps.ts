import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface StepFile {
  title: string;
  /** Relative to the pipeline's folder, e.g. `load.py`. */
  file: string;
  /** The file's text, written beside the pipeline. */
  source: string;
  /** Titles of the steps it comes after. */
  after?: string[];
  parameters?: Record<string, unknown>;
}

/** Step uuids by title. */
export type StepUuids = Record<string, string>;

/** Writes the step files and puts the steps (all in `environment`) into the pipeline file, keeping the rest. */
export async function writeSteps(
  projectDir: string,
  pipelinePath: string,
  environment: string,
  steps: StepFile[],
  extra: Record<string, unknown> = {},
): Promise<StepUuids> {
  const uuids: StepUuids = Object.fromEntries(steps.map((s) => [s.title, randomUUID()]));
  const file = path.join(projectDir, pipelinePath);
  const pipeline = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  pipeline.steps = Object.fromEntries(
    steps.map((step, i) => [
      uuids[step.title],
      {
        uuid: uuids[step.title],
        title: step.title,
        file_path: step.file,
        environment,
        kernel: { name: 'python', display_name: 'Python 3' },
        incoming_connections: (step.after ?? []).map((title) => uuids[title]),
        parameters: step.parameters ?? {},
        meta_data: { hidden: false, position: [i * 200, 100] },
      },
    ]),
  );
  Object.assign(pipeline, extra);
  await Promise.all(steps.map((step) => fs.writeFile(path.join(path.dirname(file), step.file), step.source)));
  await fs.writeFile(file, JSON.stringify(pipeline, null, 4));
  return uuids;
}

/** A notebook (nbformat 4) of code cells. */
export function notebook(...cells: string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    cells: cells.map((source) => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: source.split(/(?<=\n)/) })),
  });
}
