import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listEnvironments } from '../../../../electron/core/projects/environment-discovery';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('listEnvironments', () => {
  let project: string;
  let cleanup: () => Promise<void>;
  const env = async (uuid: string, properties: string) => {
    const folder = path.join(project, '.orchest', 'environments', uuid);
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'properties.json'), properties);
  };

  beforeEach(async () => ({ dir: project, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('reads properties.json and reports broken or mismatched ones', async () => {
    await env('aaa', JSON.stringify({ uuid: 'aaa', name: 'Py', language: 'python', base_image: 'orchest/base-kernel-py', gpu_support: true }));
    await env('bbb', '{"uuid": "bbb",');
    await env('ccc', JSON.stringify({ uuid: 'zzz', name: 'Wrong' }));
    const [a, b, c] = await listEnvironments(project);
    expect(a).toEqual({ uuid: 'aaa', name: 'Py', language: 'python', baseImage: 'orchest/base-kernel-py', gpuSupport: true });
    expect(b?.error).toMatch(/^properties.json: .*line 1/);
    expect(c?.error).toMatch(/not the folder's name/);
  });

  it('has none without .orchest/environments', async () => {
    expect(await listEnvironments(project)).toEqual([]);
  });
});
