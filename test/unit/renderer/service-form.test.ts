import { describe, expect, it } from 'vitest';
import { formToService, serviceToForm, splitList } from '../../../renderer/src/features/services/service-form';

// As Orchest 1.2.2 saved it (weaviate-tweakers-search__main.orchest), plus a key the form does not know.
const streamlit = {
  args: "-c 'umask 002 && streamlit run streamlit.py'",
  binds: { '/data': '/data', '/project-dir': '/usr/src/app/src' },
  command: 'bash',
  env_variables: { STREAMLIT_SERVER_BASE_URL_PATH: '$BASE_PATH_PREFIX_8501' },
  env_variables_inherit: [],
  exposed: true,
  image: 'environment@66d457df-2c82-432a-895c-2e6a16caf09e',
  name: 'streamlit',
  order: 0,
  ports: [8501],
  preserve_base_path: true,
  requires_authentication: true,
  scope: ['interactive', 'noninteractive'],
  'x-note': { kept: ['as', 'it', 'was'] },
};

describe('serviceToForm', () => {
  it('reads every field the form edits', () => {
    expect(serviceToForm(streamlit)).toEqual({
      name: 'streamlit',
      image: 'environment@66d457df-2c82-432a-895c-2e6a16caf09e',
      command: 'bash',
      args: "-c 'umask 002 && streamlit run streamlit.py'",
      ports: '8501',
      interactive: true,
      noninteractive: true,
      projectDir: '/usr/src/app/src',
      dataDir: '/data',
      env: [{ name: 'STREAMLIT_SERVER_BASE_URL_PATH', value: '$BASE_PATH_PREFIX_8501' }],
      inherit: '',
      exposed: true,
      requiresAuthentication: true,
      preserveBasePath: true,
    });
  });

  it('takes Orchest\'s defaults for what is missing', () => {
    expect(serviceToForm({ name: 'x' })).toMatchObject({ ports: '', exposed: false, requiresAuthentication: true, preserveBasePath: false, env: [] });
  });
});

describe('formToService', () => {
  it('gives back the same service when nothing was edited, unknown keys and empty lists included', () => {
    expect(formToService(serviceToForm(streamlit), streamlit)).toEqual(streamlit);
    const redis = { name: 'redis', image: 'redis', ports: [6379], scope: ['interactive'], exposed: true, requires_authentication: true, order: 2 };
    expect(formToService(serviceToForm(redis), redis)).toEqual(redis);
  });

  it('lays the edits over the original', () => {
    const form = { ...serviceToForm(streamlit), name: 'app', ports: '8501, 9000', noninteractive: false, inherit: 'API_TOKEN, DB' };
    expect(formToService(form, streamlit)).toEqual({
      ...streamlit,
      name: 'app',
      ports: [8501, 9000],
      scope: ['interactive'],
      env_variables_inherit: ['API_TOKEN', 'DB'],
    });
  });

  it('leaves out optional keys that were emptied, so the image defaults apply', () => {
    const form = { ...serviceToForm(streamlit), command: '', args: '', projectDir: '', dataDir: '', env: [], preserveBasePath: false };
    const service = formToService(form, streamlit);
    for (const key of ['command', 'args', 'binds', 'env_variables', 'preserve_base_path']) expect(service).not.toHaveProperty(key);
    expect(service['x-note']).toEqual(streamlit['x-note']);
  });

  it('keeps one mount when the other is emptied, and skips blank variable rows', () => {
    const form = { ...serviceToForm(streamlit), projectDir: '', env: [{ name: 'A', value: '1' }, { name: '', value: '' }] };
    expect(formToService(form, streamlit)).toMatchObject({ binds: { '/data': '/data' }, env_variables: { A: '1' } });
  });

  it('keeps a port that is not a number as typed, for the validator to name', () => {
    expect(formToService({ ...serviceToForm(streamlit), ports: '80 http' }, streamlit).ports).toEqual([80, 'http']);
  });
});

describe('splitList', () => {
  it('splits on commas and spaces', () => {
    expect(splitList(' a, b  c,,d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList('')).toEqual([]);
  });
});
