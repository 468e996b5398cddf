import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { environmentFolder, readEnvironment, writeEnvironment } from '../../../../electron/core/environments/environment-files';

const UUID = '22222222-2222-4222-8222-222222222222';
const fields = { name: 'Python 3', baseImage: 'orchest/base-kernel-py', language: 'python' as const, gpuSupport: false, setupScript: '' };

describe("an environment's build variables in properties.json", () => {
  let dir: string;
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('keeps their names only, as build_variables, and reads Orchest files without them', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'od-envfiles-'));
    await writeEnvironment(dir, UUID, fields);
    const properties = path.join(environmentFolder(dir, UUID), 'properties.json');
    expect(await fs.readFile(properties, 'utf8')).not.toContain('build_variables');
    expect((await readEnvironment(dir, UUID)).buildVariables).toEqual([]);
    await writeEnvironment(dir, UUID, { ...fields, buildVariables: ['INDEX_TOKEN', 'PIP_PASS', 'INDEX_TOKEN'] });
    const text = await fs.readFile(properties, 'utf8');
    expect(text).toMatch(/, "build_variables": \["INDEX_TOKEN", "PIP_PASS"\]\}$/);
    expect(JSON.parse(text)).toMatchObject({ name: 'Python 3', uuid: UUID, build_variables: ['INDEX_TOKEN', 'PIP_PASS'] });
    expect((await readEnvironment(dir, UUID)).buildVariables).toEqual(['INDEX_TOKEN', 'PIP_PASS']);
    await writeEnvironment(dir, UUID, { ...fields, buildVariables: [] });
    expect(await fs.readFile(properties, 'utf8')).not.toContain('build_variables');
  });
});
