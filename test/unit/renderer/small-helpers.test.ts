import { describe, expect, it } from 'vitest';
import { BridgeRequestError, type EngineStatus } from '../../../electron/contract';
import { formErrors } from '../../../renderer/src/bridge/request-error';
import { formatSize } from '../../../renderer/src/features/files/format-size';
import { engineLabel } from '../../../renderer/src/features/engine/engine-label';
import { cachedTheme, themeAttribute } from '../../../renderer/src/app/theme';

describe('formatSize', () => {
  it('reads like a file manager', () => {
    expect([0, 512, 1023, 1024, 1536, 10 * 1024, 5 * 1024 ** 2 + 1, 3 * 1024 ** 4].map(formatSize)).toEqual([
      '0 B', '512 B', '1023 B', '1 KB', '1.5 KB', '10 KB', '5 MB', '3 TB',
    ]);
  });
});

describe('formErrors', () => {
  it('puts a field error next to its field, without repeating the field name', () => {
    const error = new BridgeRequestError({ code: 'INVALID_INPUT', message: 'name: Too long', field: 'name' });
    expect(formErrors(error, ['name'])).toEqual({ fields: { name: 'Too long' }, form: undefined });
  });

  it('keeps errors of other fields, or of no field, for the form', () => {
    const conflict = new BridgeRequestError({ code: 'CONFLICT', message: 'exists', field: 'projectId' });
    expect(formErrors(conflict, ['name'])).toEqual({ fields: {}, form: 'exists' });
    expect(formErrors(new Error('boom'), ['name'])).toEqual({ fields: {}, form: 'boom' });
  });
});

describe('engineLabel', () => {
  const up = { reachable: true, version: '27.3.1', apiVersion: '1.47', os: 'linux/amd64', host: 'unix:///var/run/docker.sock' } as const;
  it('names the version, or the reason the engine is down', () => {
    expect(engineLabel({ status: up, error: undefined, disconnected: false })).toMatchObject({ tone: 'ok', text: 'Docker 27.3.1' });
    const down: EngineStatus = { reachable: false, host: 'h', reason: 'connection refused at /s', problem: 'not-running', advice: [] };
    expect(engineLabel({ status: down, error: undefined, disconnected: false })).toEqual({
      tone: 'error',
      text: 'Docker is installed but not running',
      title: 'Docker is installed but not running: connection refused at /s (looked for it at h)',
    });
  });

  it('does not claim a stale state once disconnected', () => {
    expect(engineLabel({ status: up, error: undefined, disconnected: true })).toMatchObject({ tone: 'neutral' });
    expect(engineLabel({ status: undefined, error: undefined, disconnected: false }).text).toBe('Checking Docker…');
  });
});

describe('theme', () => {
  it('pins light or dark and leaves system to the media query', () => {
    expect(themeAttribute('system')).toBeUndefined();
    expect(themeAttribute('dark')).toBe('dark');
  });

  it('reads a cached theme, and survives storage that throws', () => {
    expect(cachedTheme(() => ({ getItem: () => 'light' }))).toBe('light');
    expect(cachedTheme(() => ({ getItem: () => 'purple' }))).toBe('system');
    expect(cachedTheme(() => { throw new Error('denied'); })).toBe('system');
  });
});
