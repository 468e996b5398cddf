import { describe, expect, it } from 'vitest';
import { SERVICE_NAME_RULE } from '../../../electron/contract';
import { serviceToForm, type ServiceForm } from '../../../renderer/src/features/services/service-form';
import { portsError, validateServiceForm } from '../../../renderer/src/features/services/validate-service-form';

const valid: ServiceForm = serviceToForm({
  name: 'redis', image: 'redis', ports: [6379], scope: ['interactive'], exposed: true, requires_authentication: true,
});
const check = (patch: Partial<ServiceForm>, taken: string[] = []) => validateServiceForm({ ...valid, ...patch }, new Set(taken));

describe('validateServiceForm', () => {
  it('passes a valid service', () => {
    expect(check({})).toEqual({});
  });

  it('names the service name rule, and a name taken by another service', () => {
    for (const name of ['', 'Redis', '1redis', 'my_db', 'a'.repeat(27)]) expect(check({ name }).name).toBe(`Use ${SERVICE_NAME_RULE}`);
    expect(check({ name: 'a'.repeat(26) })).toEqual({});
    expect(check({ name: 'redis' }, ['redis']).name).toBe("Another service is already named 'redis'");
  });

  it('wants an image, and an environment after environment@', () => {
    expect(check({ image: '  ' }).image).toBe('An image is required');
    expect(check({ image: 'environment@' }).image).toBe('Name an environment after "environment@"');
    expect(check({ image: 'environment@66d457df-2c82-432a-895c-2e6a16caf09e' })).toEqual({});
  });

  it('wants at least one scope', () => {
    expect(check({ interactive: false, noninteractive: false }).scope).toBe('Needs at least one of interactive sessions or job sessions');
    expect(check({ interactive: false, noninteractive: true })).toEqual({});
  });

  it('wants absolute mount paths', () => {
    expect(check({ projectDir: 'src' }).projectDir).toBe('Must be an absolute path in the container, starting with /');
    expect(check({ dataDir: 'data' }).dataDir).toMatch(/absolute path/);
    expect(check({ projectDir: '/project-dir', dataDir: '' })).toEqual({});
  });

  it('checks variable names, empty names and repeats, row by row', () => {
    const errors = check({
      env: [
        { name: 'GOOD_1', value: 'x' },
        { name: 'bad name', value: 'x' },
        { name: '', value: 'orphan' },
        { name: 'GOOD_1', value: 'y' },
        { name: '', value: '' },
      ],
    });
    expect(errors).toEqual({
      'env.1': 'Names use letters, digits, "-" and "_" only',
      'env.2': 'Give the variable a name',
      'env.3': 'GOOD_1 is listed twice',
    });
  });

  it('checks inherited names', () => {
    expect(check({ inherit: 'API_TOKEN, bad.name' }).inherit).toBe('"bad.name": names use letters, digits, "-" and "_" only');
    expect(check({ inherit: 'API_TOKEN DB-URL' })).toEqual({});
  });
});

describe('portsError', () => {
  it('mirrors the main process: whole numbers in 1-65535, each once, at least one', () => {
    expect(portsError('6379')).toBeUndefined();
    expect(portsError('80, 443 8080')).toBeUndefined();
    expect(portsError(' ')).toBe('Needs at least one port');
    expect(portsError('70000')).toBe('70000 is outside 1-65535');
    expect(portsError('0')).toBe('0 is outside 1-65535');
    expect(portsError('80.5')).toBe('"80.5" is not a whole number');
    expect(portsError('http')).toBe('"http" is not a whole number');
    expect(portsError('80, 80')).toBe('80 is listed twice');
  });
});
