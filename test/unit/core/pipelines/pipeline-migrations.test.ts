import { describe, expect, it } from 'vitest';
import { migratePipeline } from '../../../../electron/core/pipelines/pipeline-migrations';

const base = { name: 'p', settings: { data_passing_memory_size: '1GB' }, steps: {} };

describe('migratePipeline', () => {
  it('treats a file without version as 1.0.0 and brings it to 1.2.3 without touching the input', () => {
    const input = { ...base };
    const { definition, fileVersion } = migratePipeline(input);
    expect(fileVersion).toBe('1.0.0');
    expect(definition).toMatchObject({ version: '1.2.3', parameters: {}, settings: { max_steps_parallelism: 0 } });
    expect(input).toEqual(base);
  });

  it('1.0.0: makes env variable names valid, numbering collisions, and renames the ir kernel', () => {
    const { definition } = migratePipeline({
      ...base,
      version: '1.0.0',
      steps: { s: { kernel: { name: 'ir', display_name: 'R' } } },
      services: { a: { name: 'a', image: 'x', env_variables: { 'A.B': '1', A_B: '2', 'A B': '3' } } },
    });
    expect(definition.steps).toEqual({ s: { kernel: { name: 'r', display_name: 'R' } } });
    expect((definition.services as Record<string, { env_variables: unknown }>)['a']?.env_variables).toEqual({ A_B: '1', A_B_2: '2', A_B_3: '3' });
  });

  it('1.1.0: turns entrypoint/command into command/args and infers ports from the image', () => {
    const { definition } = migratePipeline({
      ...base,
      version: '1.1.0',
      services: {
        st: { name: 'st', image: 'orchest/streamlit', entrypoint: 'bash', command: "-c 'streamlit run app.py'" },
        pg: { name: 'pg', image: 'postgres:13', ports: [] },
        other: { name: 'other', image: 'nginx', exposed: true },
      },
    });
    expect(definition.services).toMatchObject({
      st: { command: 'bash', args: "-c 'streamlit run app.py'", ports: [8501], exposed: false, requires_authentication: true },
      pg: { ports: [5432] },
      other: { ports: [8080], exposed: true },
    });
    expect((definition.services as Record<string, unknown>)['st']).not.toHaveProperty('entrypoint');
  });

  it('1.2.0: keeps existing unique orders and numbers the rest by sorted name', () => {
    const { definition } = migratePipeline({
      ...base,
      version: '1.2.0',
      services: { c: { name: 'c', order: 5 }, a: { name: 'a', order: 5 }, b: { name: 'b' } },
    });
    const orders = Object.fromEntries(Object.entries(definition.services as Record<string, { order: number }>).map(([k, v]) => [k, v.order]));
    expect(orders).toEqual({ a: 5, b: 6, c: 7 });
  });

  it('1.2.1: lower-cases names, drops leading non-letters, cuts to 26, and re-keys', () => {
    const { definition } = migratePipeline({
      ...base,
      version: '1.2.1',
      services: { '1My-Service': { name: '1My-Service' }, Long: { name: `L${'x'.repeat(40)}` } },
    });
    expect(Object.keys(definition.services as object)).toEqual(['my-service', `l${'x'.repeat(25)}`]);
  });

  it('leaves an unknown version as it is', () => {
    const { definition, fileVersion } = migratePipeline({ ...base, version: '9.9.9' });
    expect(fileVersion).toBe('9.9.9');
    expect(definition.version).toBe('9.9.9');
  });
});
