import { describe, expect, it } from 'vitest';
import { instantiateNewService, nextServiceOrder, uniqueServiceName } from '../../../renderer/src/features/services/new-service';
import { SERVICE_TEMPLATES } from '../../../renderer/src/features/services/service-templates';
import { variableNames } from '../../../renderer/src/features/services/variable-names';

const template = (id: string) => {
  const found = SERVICE_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found.service;
};

describe('uniqueServiceName', () => {
  it('keeps a free name and appends 1, 2, … to a taken one, as Orchest did', () => {
    expect(uniqueServiceName('redis', new Set())).toBe('redis');
    expect(uniqueServiceName('redis', new Set(['redis']))).toBe('redis1');
    expect(uniqueServiceName('redis', new Set(['redis', 'redis1', 'redis2']))).toBe('redis3');
    expect(uniqueServiceName('redis', new Set(['redis1']))).toBe('redis');
  });
});

describe('nextServiceOrder', () => {
  it('is one past the highest order, 0 for the first, ignoring missing orders', () => {
    expect(nextServiceOrder([])).toBe(0);
    expect(nextServiceOrder([{ order: 0 }, { order: 4 }, { order: 2 }])).toBe(5);
    expect(nextServiceOrder([{ name: 'x' }, { order: 1.5 }])).toBe(0);
  });
});

describe('instantiateNewService', () => {
  it('copies the template with a free name and the next order, leaving the template alone', () => {
    const redis = template('redis');
    const made = instantiateNewService(redis, [{ name: 'redis', order: 3 }]);
    expect(made).toEqual({ ...redis, name: 'redis1', order: 4 });
    (made.scope as string[]).push('changed');
    expect(redis.scope).toEqual(['interactive', 'noninteractive']);
    expect(redis).not.toHaveProperty('order');
  });
});

describe('service templates', () => {
  it('hold Orchest\'s templates, a custom one and PostgreSQL keeping its data in /data', () => {
    expect(SERVICE_TEMPLATES.map((t) => t.title)).toEqual([
      'TensorBoard', 'Streamlit', 'VS Code', 'Redis', 'PostgreSQL', 'Custom service',
    ]);
    expect(template('redis')).toEqual({
      name: 'redis', image: 'redis', ports: [6379], scope: ['interactive', 'noninteractive'],
      exposed: true, requires_authentication: true,
    });
    expect(template('custom')).toMatchObject({ image: '', ports: [8000], exposed: false, scope: ['interactive', 'noninteractive'] });
    expect(template('postgres')).toMatchObject({
      command: 'bash',
      args: "-c 'export PGDATA=/data/postgres/$ORCHEST_PIPELINE_UUID && exec docker-entrypoint.sh postgres'",
      binds: { '/data': '/data' },
      env_variables: { POSTGRES_HOST_AUTH_METHOD: 'trust' },
    });
    expect(template('streamlit')).toMatchObject({ preserve_base_path: true, binds: { '/project-dir': '/usr/src/app/src' } });
  });
});

describe('variableNames', () => {
  it('lists the project\'s and pipeline\'s names once each, sorted', () => {
    expect(variableNames({ B: '1', A: '2' }, { A: '3', C: '' })).toEqual(['A', 'B', 'C']);
    expect(variableNames()).toEqual([]);
  });
});
