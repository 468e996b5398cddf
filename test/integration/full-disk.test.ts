import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { PipelineService } from '../../electron/core/pipelines/pipeline-service';
import { openSecretStore } from '../../electron/core/variables/open-secret-store';
import { VariableService } from '../../electron/core/variables/variable-service';
import { itNeeding, noMounting } from '../helpers/machine-needs';
import { pollUntil } from '../helpers/poll';
import { requireDocker } from '../helpers/require-docker';
import { idleService, startSessionApp } from '../helpers/session-app';
import { mountSmallDisk, type SmallDisk } from '../helpers/small-disk';
import { ensureTestImage } from '../helpers/test-images';

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

describe("a service's log on a full disk", () => {
  itNeeding(noMounting, 'is said on the service, stays true to its file, and goes on when there is room again', async () => {
    await requireDocker();
    const busybox = await ensureTestImage('busybox');
    const current = await startSessionApp('full-logs');
    const { project, app } = current;
    const pipelineUuid = await app.pipelines.uuidOf(project.uuid, 'main.orchest');
    const disk = await mountSmallDisk(256, path.join(project.path, '.orchest', 'pipelines', pipelineUuid, 'logs'));
    try {
      const waitFor = (name: string) => `while [ ! -e /project-dir/${name} ]; do sleep 0.1; done`;
      // What is lost is more than the page the log file has left, which a full disk still takes.
      const script = `echo first; ${waitFor('more')}; yes lost while full | head -n 2000; ${waitFor('again')}; echo after room came back; exec sleep 100000`;
      await current.setServices({ talker: idleService('talker', busybox, { args: `-c '${script}'`, binds: { '/project-dir': '/project-dir' } }) });
      expect((await app.sessions.start(project.uuid, 'main.orchest', true)).status).toBe('RUNNING');
      const log = () => app.logs.read({ projectId: project.uuid, pipelineUuid, source: 'talker' }, { count: 100 });
      const talker = async () => (await app.sessions.get(project.uuid, 'main.orchest')).services[0]!;
      await pollUntil(log, (page) => page.lines.some((l) => l.text === 'first'), 'the first line');

      await disk.fill();
      await fs.writeFile(path.join(project.path, 'more'), '');
      await pollUntil(talker, (s) => s.logsNotWritten === 'no space left on device', 'the failed write to be said');
      const file = path.join(disk.dir, 'talker.log');
      const onDisk = (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean);
      expect((await log()).total).toBe(onDisk.length - 1); // the run marker is no line; no half line is left

      await disk.free();
      await fs.writeFile(path.join(project.path, 'again'), '');
      const page = await pollUntil(log, (p) => p.lines.some((l) => l.text === 'after room came back'), 'the log to go on');
      // What a full disk took whole may be there (a page's slack); never a part of a line.
      const texts = page.lines.map((l) => l.text);
      expect(texts[0]).toBe('first');
      expect(texts.at(-1)).toBe('after room came back');
      expect(texts.slice(1, -1).every((text) => text === 'lost while full')).toBe(true);
      expect(texts.length).toBeLessThan(2002);
      expect((await talker()).logsNotWritten).toBeUndefined();
    } finally {
      await app.sessions.stop(project.uuid, 'main.orchest', true).catch(() => undefined);
      await disk.remove(); // before the app's folder goes, or it is busy
      await current.close();
    }
  });
});
