import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope, RequestInput, RequestName, RequestOutput } from '../../../../electron/contract';
import { OrchestApp } from '../../../../electron/core/app';
import { createConfSettings } from '../../../../electron/core/settings/conf-settings';
import type { SecretCipher } from '../../../../electron/core/variables/secret-store';
import { makeTempDir } from '../../../helpers/temp-dir';
import { aesCipher } from './aes-cipher';

describe('variables over the bridge', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let app: OrchestApp;
  const home = () => path.join(dir, 'home');
  const open = (cipher?: SecretCipher) => {
    const settings = createConfSettings(home());
    settings.update({ workspace: path.join(dir, 'workspace') });
    app = new OrchestApp({ home: home(), shell: 'host', version: 'test', settings, cipher });
  };
  const call = <N extends RequestName>(name: N, input: RequestInput<N>) =>
    app.bridge.connect(() => {}).request(name, input) as Promise<Envelope<RequestOutput<N>>>;
  const value = async <N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> => {
    const reply = await call(name, input);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
    return reply.value;
  };
  const project = async (name = 'demo') => {
    const created = await value('projects.create', { name });
    const [main] = await value('pipelines.list', { projectId: created.uuid });
    return { projectId: created.uuid, folder: created.path, pipelineUuid: main!.uuid! };
  };

  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => {
    await app.dispose();
    await cleanup();
  });

  it('sets and gets both scopes, and merges them with the pipeline winning', async () => {
    open();
    const { projectId, pipelineUuid } = await project();
    await value('variables.set', { projectId, variables: { HOST: 'db', MODE: 'project' } });
    expect(await value('variables.set', { projectId, pipelineUuid, variables: { MODE: 'pipeline' } })).toEqual({
      project: { HOST: 'db', MODE: 'project' },
      pipeline: { MODE: 'pipeline' },
    });
    expect(await value('variables.get', { projectId })).toEqual({ project: { HOST: 'db', MODE: 'project' }, pipeline: {} });
    expect(await value('variables.effective', { projectId, pipelineUuid })).toEqual({ HOST: 'db', MODE: 'pipeline' });
  });

  it('refuses a bad name at the edge, naming the variable', async () => {
    open();
    const { projectId } = await project();
    const cases: [unknown, string, RegExp][] = [
      [{ 'MY VAR': 'x' }, 'variables.MY VAR', /^variables\.MY VAR: Variable names use letters, digits, "-" and "_" only$/],
      [{ PATH: '/bin' }, 'variables.PATH', /Orchest ignores changes to PATH/],
      [JSON.parse('{"OK": "1", "__proto__": "x"}'), 'variables.__proto__', /cannot be a variable name/],
      [{ N: 1 }, 'variables.N', /string/],
    ];
    for (const [variables, field, message] of cases) {
      const reply = await call('variables.set', { projectId, variables } as never);
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field, message: expect.stringMatching(message) } });
    }
    expect(await value('variables.get', { projectId })).toEqual({ project: {}, pipeline: {} });
  });

  it('refuses a project or pipeline that does not exist', async () => {
    open();
    const { projectId } = await project();
    const unknownProject = await call('variables.get', { projectId: '6f1c2b9e-0d4a-4e57-9b1f-3a2c5d7e8f90' });
    expect(unknownProject).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'projectId' } });
    const unknownPipeline = await call('variables.set', { projectId, pipelineUuid: 'no-such-pipeline', variables: { A: '1' } });
    expect(unknownPipeline).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'pipelineUuid' } });
  });

  it('keeps the values in the app home, not in the project, and follows a renamed project', async () => {
    open();
    const { projectId, folder, pipelineUuid } = await project();
    await value('variables.set', { projectId, pipelineUuid, variables: { TOKEN: 'secret-token-value' } });
    const inProject = await fs.readdir(folder, { recursive: true });
    for (const name of inProject) {
      const file = path.join(folder, name);
      if ((await fs.stat(file)).isFile()) expect(await fs.readFile(file, 'utf8'), name).not.toContain('secret-token-value');
    }
    expect(await fs.readFile(path.join(home(), 'variables.json'), 'utf8')).toContain('secret-token-value');
    await fs.rename(folder, path.join(path.dirname(folder), 'renamed'));
    expect((await value('projects.list', {})).map((p) => [p.uuid, p.name])).toEqual([[projectId, 'renamed']]);
    expect(await value('variables.effective', { projectId, pipelineUuid })).toEqual({ TOKEN: 'secret-token-value' });
  });

  it('encrypts with the cipher it is given', async () => {
    open(aesCipher());
    const { projectId } = await project();
    await value('variables.set', { projectId, variables: { TOKEN: 'secret-token-value' } });
    expect(await fs.stat(path.join(home(), 'variables.json')).catch(() => undefined)).toBeUndefined();
    expect((await fs.readFile(path.join(home(), 'variables.enc'))).includes('secret-token-value')).toBe(false);
    expect(await value('variables.get', { projectId })).toEqual({ project: { TOKEN: 'secret-token-value' }, pipeline: {} });
  });

  it('reports an unreadable secrets file with its own code', async () => {
    open();
    const { projectId } = await project();
    await fs.writeFile(path.join(home(), 'variables.json'), 'garbage');
    expect(await call('variables.get', { projectId })).toMatchObject({ ok: false, error: { code: 'SECRETS_UNAVAILABLE' } });
    expect(await call('variables.set', { projectId, variables: {} })).toMatchObject({ ok: false, error: { code: 'SECRETS_UNAVAILABLE' } });
    expect(await fs.readFile(path.join(home(), 'variables.json'), 'utf8')).toBe('garbage');
  });
});
