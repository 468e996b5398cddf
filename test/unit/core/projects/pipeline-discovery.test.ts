import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPipelineSummary } from '../../../../electron/core/pipelines/pipeline-summary';
import { findPipelineFiles } from '../../../../electron/core/projects/pipeline-discovery';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('pipeline discovery', () => {
  const listPipelines = async (dir: string) =>
    Promise.all((await findPipelineFiles(dir)).map((file) => readPipelineSummary(dir, file)));

  let project: string;
  let cleanup: () => Promise<void>;
  const write = async (rel: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(project, rel)), { recursive: true });
    await fs.writeFile(path.join(project, rel), text);
  };

  beforeEach(async () => ({ dir: project, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('finds *.orchest at any depth, skipping checkpoints, and reads name and uuid', async () => {
    await write('main.orchest', JSON.stringify({ name: 'Main', uuid: 'u-1' }));
    await write('deep/er/etl.orchest', JSON.stringify({ name: 'ETL', uuid: 'u-2' }));
    await write('.ipynb_checkpoints/old.orchest', '{}');
    await write('notes.orchest.bak', '{}');
    expect(await listPipelines(project)).toEqual([
      { uuid: 'u-2', name: 'ETL', path: 'deep/er/etl.orchest' },
      { uuid: 'u-1', name: 'Main', path: 'main.orchest' },
    ]);
  });

  it('reports a file that does not parse with its line and column', async () => {
    await write('broken.orchest', '{\n  "name": "x",\n  oops\n}');
    const [summary] = await listPipelines(project);
    expect(summary).toMatchObject({ uuid: null, name: null, path: 'broken.orchest' });
    expect(summary?.error).toMatch(/line 3 column 3/);
  });

  it('gives no uuid for a file without one', async () => {
    await write('a.orchest', JSON.stringify({ name: 'A', uuid: '' }));
    expect(await listPipelines(project)).toEqual([{ uuid: null, name: 'A', path: 'a.orchest' }]);
  });
});
