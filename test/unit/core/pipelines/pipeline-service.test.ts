import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PipelineService } from '../../../../electron/core/pipelines/pipeline-service';
import { makeTempDir } from '../../../helpers/temp-dir';

const PROJECT = '11111111-2222-4333-8444-555555555555';
const redis = { name: 'redis', image: 'redis', scope: ['interactive'], order: 0, ports: [6379], exposed: false };

/** An old (1.1.0) file with float positions, an unknown key, and keys out of order. */
const OLD_FILE = `{
  "version": "1.1.0",
  "name": "Étude",
  "uuid": "0e0d1d2a-3f0c-4a57-9a53-7c2a1f1d2e01",
  "settings": {"data_passing_memory_size": "1GB", "auto_eviction": false},
  "parameters": {},
  "x-team-note": {"keep": [1.50, 2]},
  "steps": {"s": {"uuid": "s", "title": "t", "file_path": "a.py", "environment": "", "kernel": {"name": "python", "display_name": "P"}, "incoming_connections": [], "parameters": {}, "meta_data": {"hidden": false, "position": [170.3, 265.0]}}}
}`;

describe('PipelineService', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let service: PipelineService;
  const file = (rel = 'main.orchest') => path.join(dir, rel);
  const read = (rel?: string) => fs.readFile(file(rel), 'utf8');

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    service = new PipelineService(async () => dir);
    await fs.writeFile(file(), OLD_FILE);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await cleanup();
  });

  it('reads a file migrated in memory and leaves it as it was', async () => {
    const doc = await service.get(PROJECT, 'main.orchest');
    expect(doc).toMatchObject({ fileVersion: '1.1.0', issues: [], definition: { version: '1.2.3', name: 'Étude' } });
    expect(await read()).toBe(OLD_FILE);
  });

  it('reads the uuid alone, and says what is wrong with a file that has none or is broken', async () => {
    expect(await service.uuidOf(PROJECT, 'main.orchest')).toBe('0e0d1d2a-3f0c-4a57-9a53-7c2a1f1d2e01');
    await fs.writeFile(file('none.orchest'), '{"name": "no uuid"}');
    await expect(service.uuidOf(PROJECT, 'none.orchest')).rejects.toMatchObject({ code: 'PIPELINE_INVALID', message: 'none.orchest has no uuid' });
    await fs.writeFile(file('broken.orchest'), '{"uuid": "u-2",');
    await expect(service.uuidOf(PROJECT, 'broken.orchest')).rejects.toMatchObject({ code: 'PIPELINE_INVALID', message: expect.stringContaining('broken.orchest is not valid JSON') });
    await expect(service.uuidOf(PROJECT, 'gone.orchest')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("saves as Orchest did: sorted keys, 4-space indent, ASCII, floats and unknown keys kept", async () => {
    const { revision } = await service.get(PROJECT, 'main.orchest');
    const saved = await service.saveServices(PROJECT, 'main.orchest', revision, { redis });
    const text = await read();
    expect(text).toContain('"name": "\\u00c9tude"');
    expect(text).toContain('"position": [\n                    170.3,\n                    265.0\n                ]');
    expect(text).toContain('"x-team-note": {\n        "keep": [\n            1.50,');
    expect(text.indexOf('"name"')).toBeLessThan(text.indexOf('"parameters"'));
    expect(text.startsWith('{\n    "name"')).toBe(true);
    expect(JSON.parse(text).services).toEqual({ redis: { ...redis } });
    expect(JSON.parse(text).version).toBe('1.2.3');
    expect(saved.revision).not.toBe(revision);
    // A save without change writes nothing.
    const before = await fs.stat(file());
    await service.saveServices(PROJECT, 'main.orchest', saved.revision, { redis });
    expect((await fs.stat(file())).mtimeMs).toBe(before.mtimeMs);
    expect(await read()).toBe(text);
  });

  it('saves the settings a person edits and keeps the ones it does not know', async () => {
    await fs.writeFile(file(), OLD_FILE.replace('"auto_eviction": false}', '"auto_eviction": false, "x-later-setting": 3}'));
    const { revision } = await service.get(PROJECT, 'main.orchest');
    const settings = { max_steps_parallelism: 2, auto_eviction: true, data_passing_memory_size: '512MB' };
    const saved = await service.saveSettings(PROJECT, 'main.orchest', revision, settings);
    expect(JSON.parse(await read()).settings).toEqual({ ...settings, 'x-later-setting': 3 });
    expect(saved.definition.settings).toMatchObject(settings);
    // A value the file's rules refuse is not written.
    const text = await read();
    await expect(service.saveSettings(PROJECT, 'main.orchest', saved.revision, { ...settings, data_passing_memory_size: 'lots' })).rejects.toMatchObject({
      code: 'PIPELINE_INVALID',
      field: 'settings.data_passing_memory_size',
    });
    expect(await read()).toBe(text);
  });

  it('refuses a save when the file changed on disk since it was read, and keeps those bytes', async () => {
    const { revision } = await service.get(PROJECT, 'main.orchest');
    const edited = OLD_FILE.replace('Étude', 'Edited elsewhere');
    await fs.writeFile(file(), edited);
    await expect(service.saveServices(PROJECT, 'main.orchest', revision, { redis })).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'revision',
    });
    expect(await read()).toBe(edited);
  });

  it('refuses a save when the file was deleted meanwhile: no file brought back, no temp file left', async () => {
    const { revision } = await service.get(PROJECT, 'main.orchest');
    // Deleted by hand at the worst moment: the new text is in the temp file, about to be renamed over it.
    const writeFile = fs.writeFile.bind(fs);
    vi.spyOn(fs, 'writeFile').mockImplementationOnce(async (...args: Parameters<typeof fs.writeFile>) => {
      await writeFile(...args);
      await fs.rm(file());
    });
    await expect(service.saveServices(PROJECT, 'main.orchest', revision, { redis })).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'revision',
    });
    expect(fs.writeFile).toHaveBeenCalledOnce();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('refuses invalid services naming the rule, and keeps the bytes', async () => {
    const { revision } = await service.get(PROJECT, 'main.orchest');
    await expect(
      service.saveServices(PROJECT, 'main.orchest', revision, { redis: { ...redis, ports: [6379, 6379, 70000] } }),
    ).rejects.toMatchObject({ code: 'PIPELINE_INVALID', field: 'services.redis.ports', message: expect.stringMatching(/6379 is listed twice; ports: 70000 is outside 1-65535/) });
    expect(await read()).toBe(OLD_FILE);
  });

  it('reports malformed JSON with line and column, and never writes it', async () => {
    await fs.writeFile(file(), '{\n  "name": "x",\n  oops\n}');
    await expect(service.get(PROJECT, 'main.orchest')).rejects.toMatchObject({ code: 'PIPELINE_INVALID', message: expect.stringMatching(/line 3 column 3/) });
    await expect(service.saveServices(PROJECT, 'main.orchest', 'any', { redis })).rejects.toMatchObject({ code: 'PIPELINE_INVALID' });
    expect((await service.list(PROJECT))[0]?.error).toMatch(/line 3 column 3/);
    expect(await read()).toBe('{\n  "name": "x",\n  oops\n}');
  });

  it('assigns and writes back a missing or duplicate uuid', async () => {
    await fs.mkdir(path.join(dir, 'sub'));
    await fs.writeFile(file('sub/copy.orchest'), OLD_FILE);
    await fs.writeFile(file('none.orchest'), '{"name": "No id", "settings": {}, "steps": {}}');
    const list = await service.list(PROJECT);
    const uuids = list.map((p) => p.uuid);
    expect(new Set(uuids).size).toBe(3);
    expect(uuids).toContain('0e0d1d2a-3f0c-4a57-9a53-7c2a1f1d2e01');
    expect(JSON.parse(await read('none.orchest')).uuid).toBe(list.find((p) => p.path === 'none.orchest')?.uuid);
    expect(await service.list(PROJECT)).toEqual(list);
  });

  it('creates, renames and deletes pipelines', async () => {
    const created = await service.create(PROJECT, 'etl.orchest', 'ETL');
    expect(created).toMatchObject({ name: 'ETL', path: 'etl.orchest', uuid: expect.any(String) });
    await expect(service.create(PROJECT, 'etl.orchest', 'again')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(service.create(PROJECT, '../out.orchest', 'x')).rejects.toMatchObject({ code: 'FORBIDDEN_PATH' });
    const doc = await service.get(PROJECT, 'etl.orchest');
    expect((await service.rename(PROJECT, 'etl.orchest', doc.revision, 'Extract')).definition.name).toBe('Extract');
    await fs.mkdir(path.join(dir, '.orchest', 'pipelines', created.uuid!, 'logs'), { recursive: true });
    await service.delete(PROJECT, 'etl.orchest');
    await expect(fs.stat(file('etl.orchest'))).rejects.toThrow();
    await expect(fs.stat(path.join(dir, '.orchest', 'pipelines', created.uuid!))).rejects.toThrow();
  });
});
