import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppLog, logLine } from '../../../../electron/core/diagnostics/app-log';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('logLine', () => {
  it('stamps a line and leaves tokens out', () => {
    const time = new Date('2026-12-05T10:00:00.000Z');
    expect(logLine('warn', 'open http://127.0.0.1:5/?token=abc123&x=1 now', time)).toBe(
      '2026-12-05T10:00:00.000Z WARN  open http://127.0.0.1:5/?token=(left out)&x=1 now\n',
    );
    expect(logLine('error', 'a\nb', time)).toBe('2026-12-05T10:00:00.000Z ERROR a\n    b\n');
  });
});

describe('AppLog', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("writes its lines and the process's warnings and errors to <home>/logs/<name>.log", async () => {
    const { dir, cleanup } = await makeTempDir();
    cleanups.push(cleanup);
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = new AppLog(dir, 'host');
    log.write('info', 'started');
    console.error('could not %s', 'connect');
    await log.dispose();
    console.error('after dispose');
    expect(printed).toHaveBeenCalledWith('could not %s', 'connect');
    const text = await readFile(path.join(dir, 'logs', 'host.log'), 'utf8');
    expect(text).toMatch(/^\S+Z INFO {2}started\n\S+Z ERROR could not connect\n$/);
  });

  it('rotates at 1 MiB and keeps four older files', async () => {
    const { dir, cleanup } = await makeTempDir();
    cleanups.push(cleanup);
    const log = new AppLog(dir, 'main');
    const line = 'x'.repeat(100 * 1024);
    for (let i = 0; i < 70; i++) log.write('info', `${i} ${line}`);
    await log.dispose();
    const files = (await readdir(path.join(dir, 'logs'))).sort();
    expect(files).toEqual(['main.log', 'main.log.1', 'main.log.2', 'main.log.3', 'main.log.4']);
    expect(await readFile(path.join(dir, 'logs', 'main.log'), 'utf8')).toContain(' 69 x');
  });
});
