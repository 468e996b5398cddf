import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { moveSteps, readSteps } from '../../../electron/contract';
import { checkPipelineFile } from '../../../electron/core/pipelines/check-pipeline-file';
import { parseOrchestJson, toOrchestJson, toPlainJson } from '../../../electron/core/pipelines/orchest-json';
import { migratePipeline } from '../../../electron/core/pipelines/pipeline-migrations';
import { PipelineService } from '../../../electron/core/pipelines/pipeline-service';
import { describeNeeding } from '../../helpers/machine-needs';
import { ORCHEST_FIXTURES, missingOrchestFixtures } from '../../helpers/shared-fixtures';
import { makeTempDir } from '../../helpers/temp-dir';

const PROJECT = '11111111-2222-4333-8444-555555555555';
const folder = path.join(ORCHEST_FIXTURES, 'pipelines');
const files = missingOrchestFixtures ? [] : (await fs.readdir(folder)).filter((f) => f.endsWith('.orchest'));

describeNeeding(missingOrchestFixtures, "Orchest's own pipeline files", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let service: PipelineService;
  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir());
    for (const file of files) await fs.copyFile(path.join(folder, file), path.join(dir, file)); // a scratch copy to write to
    service = new PipelineService(async () => dir);
  });
  afterAll(() => cleanup());

  it.each(files)('%s validates after migration, read in place', async (file) => {
    expect(await checkPipelineFile(path.join(folder, file))).toEqual({ file: path.join(folder, file), errors: [] });
  });

  it.each(files)('%s: a save without change writes nothing; a save keeps every other key', async (file) => {
    const original = await fs.readFile(path.join(dir, file), 'utf8');
    const doc = await service.get(PROJECT, file);
    const services = (doc.definition.services ?? {}) as Record<string, Record<string, unknown>>;
    const again = await service.saveServices(PROJECT, file, doc.revision, services);
    expect(await fs.readFile(path.join(dir, file), 'utf8')).toBe(original);
    expect(again.definition).toEqual(doc.definition);

    const changed = { ...services, extra: { name: 'extra', image: 'redis', scope: ['interactive'], order: 999, ports: [6379], exposed: false } };
    const saved = await service.saveServices(PROJECT, file, doc.revision, changed);
    const { services: _before, ...restBefore } = doc.definition;
    const { services: after, ...restAfter } = saved.definition;
    expect(restAfter).toEqual(restBefore);
    expect(after).toEqual(changed);
    expect(toPlainJson(JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')))).toEqual(saved.definition);
    expect((await service.get(PROJECT, file)).definition).toEqual(saved.definition);
  });
});

describeNeeding(missingOrchestFixtures, "Orchest's own pipeline files, edited in the pipeline editor", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let service: PipelineService;
  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir());
    for (const file of files) await fs.copyFile(path.join(folder, file), path.join(dir, file));
    service = new PipelineService(async () => dir);
  });
  afterAll(() => cleanup());

  it.each(files)('%s: saving the steps unchanged writes nothing; moving one changes only its position lines', async (file) => {
    const original = await fs.readFile(path.join(dir, file), 'utf8');
    const { mtimeMs } = await fs.stat(path.join(dir, file));
    const doc = await service.get(PROJECT, file);
    const steps = readSteps(doc.definition.steps); // as the editor holds them
    const same = await service.saveSteps(PROJECT, file, doc.revision, steps);
    expect(await fs.readFile(path.join(dir, file), 'utf8')).toBe(original);
    expect((await fs.stat(path.join(dir, file))).mtimeMs).toBe(mtimeMs);
    expect(same.revision).toBe(doc.revision);

    // Any save writes the migrated file (as Orchest's did): compare with what a save without the move would write.
    const baseline = toOrchestJson(migratePipeline(parseOrchestJson(original) as Record<string, unknown>).definition).split('\n');
    const [uuid, step] = Object.entries(steps)[0]!;
    const [x, y] = step.meta_data.position;
    await service.saveSteps(PROJECT, file, doc.revision, moveSteps(steps, { [uuid]: [x + 12.5, y - 40] }));
    const after = (await fs.readFile(path.join(dir, file), 'utf8')).split('\n');

    expect(after).toHaveLength(baseline.length);
    const stepLine = baseline.indexOf(`        "${uuid}": {`);
    const positionLine = baseline.findIndex((line, i) => i > stepLine && line === '                "position": [');
    expect(stepLine).toBeGreaterThan(0);
    const changed = after.flatMap((line, i) => (line === baseline[i] ? [] : [i]));
    expect(changed).toEqual([positionLine + 1, positionLine + 2]);
    expect(after[positionLine + 1]!.trim()).toBe(`${x + 12.5},`);
    expect(after[positionLine + 2]!.trim()).toBe(`${y - 40}`);
  });
});
