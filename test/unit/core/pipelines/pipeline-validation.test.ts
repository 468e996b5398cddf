import { describe, expect, it } from 'vitest';
import { validatePipeline } from '../../../../electron/core/pipelines/pipeline-validation';

const service = (overrides: Record<string, unknown> = {}) => ({
  name: 'redis',
  image: 'redis',
  scope: ['interactive'],
  order: 0,
  ports: [6379],
  exposed: false,
  ...overrides,
});
const pipeline = (services: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'p',
  uuid: 'u',
  version: '1.2.3',
  settings: { data_passing_memory_size: '1GB', max_steps_parallelism: 0 },
  parameters: {},
  steps: {},
  services,
  ...extra,
});
const messages = (p: Record<string, unknown>) => validatePipeline(p).map((i) => i.message);

describe('validatePipeline', () => {
  it('accepts a valid pipeline', () => {
    expect(validatePipeline(pipeline({ redis: service() }))).toEqual([]);
  });

  it.each([
    [{ name: 'Redis' }, 'name: must use lower-case letters'],
    [{ name: 'other' }, "name: must equal its key 'redis'"],
    [{ image: ' ' }, 'image: is required'],
    [{ scope: [] }, 'scope: needs at least one'],
    [{ scope: ['batch'] }, 'scope: may only hold'],
    [{ ports: [] }, 'ports: needs at least one port'],
    [{ ports: [0] }, 'ports: 0 is outside 1-65535'],
    [{ ports: [65536] }, 'ports: 65536 is outside 1-65535'],
    [{ ports: [80, 80] }, 'ports: 80 is listed twice'],
    [{ ports: ['80'] }, 'ports: "80" is not a whole number'],
    [{ exposed: 'yes' }, 'exposed: is required and must be true or false'],
    [{ binds: { '/home': '/x' } }, 'binds./home: only /data and /project-dir can be mounted'],
    [{ binds: { '/data': 'data' } }, 'binds./data: must be an absolute path in the container'],
    [{ env_variables: { 'A B': '1' } }, 'env_variables.A B: names use letters, digits'],
    [{ env_variables: { A: 1 } }, 'env_variables.A: must be text'],
    [{ env_variables_inherit: ['ok', 'not ok'] }, 'env_variables_inherit: "not ok": names use'],
    [{ command: ['bash'] }, 'command: must be text'],
  ])('names the rule a service breaks: %j', (overrides, message) => {
    const issues = validatePipeline(pipeline({ redis: service(overrides) }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ service: 'redis', message: expect.stringContaining(message) });
  });

  it('refuses two services with one order', () => {
    expect(messages(pipeline({ a: service({ name: 'a' }), b: service({ name: 'b' }) }))).toEqual([
      "order: 0 is also the order of 'a'",
    ]);
  });

  it('checks the pipeline itself', () => {
    expect(messages(pipeline({}, { name: '', settings: { data_passing_memory_size: 'lots' }, steps: [] }))).toEqual([
      'name: is required',
      'settings.data_passing_memory_size: must be a size such as "1GB" (a number, then KB, MB or GB)',
      'steps: is required (an object keyed by step uuid)',
    ]);
  });

  it('checks steps and their connections', () => {
    const step = { uuid: 's1', title: 't', file_path: 'a.py', environment: '', kernel: { name: 'python', display_name: 'P' }, incoming_connections: ['gone'], parameters: {} };
    expect(messages(pipeline({}, { steps: { s1: step } }))).toEqual(['steps.s1.incoming_connections: "gone" is not a step of this pipeline']);
  });
});
