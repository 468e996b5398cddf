import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { PipelineService } from '../../electron/core/pipelines/pipeline-service';
import { openSecretStore } from '../../electron/core/variables/open-secret-store';
import { VariableService } from '../../electron/core/variables/variable-service';
import { itNeeding, noMounting } from '../helpers/machine-needs';
import { mountSmallDisk, type SmallDisk } from '../helpers/small-disk';

const PROJECT = '11111111-2222-4333-8444-555555555555';
const PIPELINE = `{"version": "1.2.3", "name": "Main", "uuid": "0e0d1d2a-3f0c-4a57-9a53-7c2a1f1d2e01", "settings": {}, "parameters": {}, "steps": {}, "services": {}}\n`;

describe('saving on a full disk', () => {
  let disk: SmallDisk | undefined;
  beforeEach(async () => {
    if (!noMounting) disk = await mountSmallDisk();
  });
  afterEach(async () => {
    await disk?.remove();
    disk = undefined;
  });

  /** The files of a folder, temp files included. */
  const listing = async (dir: string) => (await fs.readdir(dir)).filter((name) => name !== '.filler').sort();

  itNeeding(noMounting, 'leaves the pipeline file as it was and no temp file, says why, and saves once there is room', async () => {
    const { dir, fill, free } = disk!;
    const file = path.join(dir, 'main.orchest');
    await fs.writeFile(file, PIPELINE);
    const service = new PipelineService(async () => dir);
    const { revision } = await service.get(PROJECT, 'main.orchest');
    const settings = { auto_eviction: true, data_passing_memory_size: '1GB', max_steps_parallelism: 2, 'x-note': 'n'.repeat(4096) };

    await fill();
    await expect(service.saveSettings(PROJECT, 'main.orchest', revision, settings)).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: 'main.orchest was not saved: no space left on the disk. The file is as it was.',
    });
    expect(await fs.readFile(file, 'utf8')).toBe(PIPELINE);
    expect(await listing(dir)).toEqual(['main.orchest']);

    await free();
    await service.saveSettings(PROJECT, 'main.orchest', revision, settings);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).settings.max_steps_parallelism).toBe(2);
  });

  itNeeding(noMounting, 'leaves the variables as they were and no temp file, and says why', async () => {
    const { dir, fill } = disk!;
    const variables = new VariableService(openSecretStore(dir));
    await variables.set(PROJECT, undefined, { KEPT: 'before' });
    const before = await fs.readFile(path.join(dir, 'variables.json'), 'utf8');

    await fill();
    await expect(variables.set(PROJECT, undefined, { KEPT: 'after', BIG: 'b'.repeat(8192) })).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(await fs.readFile(path.join(dir, 'variables.json'), 'utf8')).toBe(before);
    expect(await listing(dir)).toEqual(['variables.json']);
    expect((await variables.get(PROJECT)).project).toEqual({ KEPT: 'before' });
  });
});
