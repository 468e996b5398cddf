import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../../electron/core/variables/file-secret-store';
import { VariableService } from '../../../../electron/core/variables/variable-service';
import { makeTempDir } from '../../../helpers/temp-dir';

const P = '6f1c2b9e-0d4a-4e57-9b1f-3a2c5d7e8f90';
const PL = 'c0ffee00-1111-4222-8333-444455556666';

describe('VariableService', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: FileSecretStore;
  const service = () => new VariableService(store);
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    store = new FileSecretStore(path.join(dir, 'variables.json'));
  });
  afterEach(() => cleanup());

  it('starts empty and keeps each scope apart', async () => {
    expect(await service().get(P, PL)).toEqual({ project: {}, pipeline: {} });
    await service().set(P, undefined, { DB_HOST: 'db', SHARED: 'project' });
    expect(await service().set(P, PL, { SHARED: 'pipeline', TOKEN: 't' })).toEqual({
      project: { DB_HOST: 'db', SHARED: 'project' },
      pipeline: { SHARED: 'pipeline', TOKEN: 't' },
    });
    expect(await service().get(P)).toEqual({ project: { DB_HOST: 'db', SHARED: 'project' }, pipeline: {} });
  });

  it('lets pipeline values override project values', async () => {
    await service().set(P, undefined, { A: 'project', B: 'project' });
    await service().set(P, PL, { B: 'pipeline', C: 'pipeline' });
    expect(await service().effective(P, PL)).toEqual({ A: 'project', B: 'pipeline', C: 'pipeline' });
    expect(await service().effective(P, 'another-pipeline')).toEqual({ A: 'project', B: 'project' });
  });

  it("replaces a scope's whole set, and drops empty scopes from the file", async () => {
    await service().set(P, undefined, { A: '1', B: '2' });
    await service().set(P, undefined, { B: '3' });
    expect((await service().get(P)).project).toEqual({ B: '3' });
    await service().set(P, undefined, {});
    expect(JSON.parse(await fs.readFile(store.file, 'utf8'))).toEqual({ version: 1, projects: {} });
  });

  it('keys variables by uuid, in the app data, as strings', async () => {
    await service().set(P, PL, { EMPTY: '', 'with-dash_1': 'a b=c' });
    expect(JSON.parse(await fs.readFile(store.file, 'utf8'))).toEqual({
      version: 1,
      projects: { [P]: { variables: {}, pipelines: { [PL]: { EMPTY: '', 'with-dash_1': 'a b=c' } } } },
    });
  });

  it("refuses names outside Orchest's rule, PATH, and NUL in values, naming the variable", async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ 'MY VAR': 'x' }, 'variables.MY VAR', /letters, digits, "-" and "_" only/],
      [{ 'a.b': 'x' }, 'variables.a.b', /letters, digits/],
      [{ '': 'x' }, 'variables.', /letters, digits/],
      [{ PATH: '/usr/bin' }, 'variables.PATH', /Orchest ignores changes to PATH/],
      [{ OK: 'a\0b' }, 'variables.OK', /NUL/],
    ];
    for (const [variables, field, message] of cases) {
      await expect(service().set(P, undefined, variables)).rejects.toMatchObject({ code: 'INVALID_INPUT', field, message: expect.stringMatching(message) });
    }
    const proto = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
    await expect(service().set(P, undefined, proto)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'variables.__proto__' });
    await expect(fs.stat(store.file)).rejects.toThrow(); // nothing was written
  });

  it('serialises concurrent changes: none is lost', async () => {
    const variables = service();
    await Promise.all(Array.from({ length: 10 }, (_, i) => variables.set(P, `pipeline-${i}`, { N: String(i) })));
    const doc = JSON.parse(await fs.readFile(store.file, 'utf8')) as { projects: Record<string, { pipelines: object }> };
    expect(Object.keys(doc.projects[P]!.pipelines)).toHaveLength(10);
  });

  it('forgets a pipeline, or a project with its pipelines', async () => {
    await service().set(P, undefined, { A: '1' });
    await service().set(P, PL, { B: '2' });
    await service().forget(P, PL);
    expect(await service().get(P, PL)).toEqual({ project: { A: '1' }, pipeline: {} });
    await service().set(P, PL, { B: '2' });
    await service().forget(P);
    expect(await service().get(P, PL)).toEqual({ project: {}, pipeline: {} });
  });

  it('reports a file of another shape or a newer version, and leaves it as it is', async () => {
    for (const text of ['{"version": 2, "projects": {}}', '[1, 2]', '{"version": 1, "projects": {"x": {"variables": {"A": 1}, "pipelines": {}}}}']) {
      await fs.writeFile(store.file, text);
      await expect(service().get(P)).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
      await expect(service().set(P, undefined, { A: '1' })).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
      expect(await fs.readFile(store.file, 'utf8')).toBe(text);
    }
  });
});
