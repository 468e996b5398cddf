import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogLine } from '../../../../electron/contract';
import { LogFile } from '../../../../electron/core/logs/log-file';
import { STRIDE } from '../../../../electron/core/logs/log-index';
import { makeTempDir } from '../../../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => ({ dir, cleanup } = await makeTempDir('od-logfile-')));
afterEach(() => cleanup());

const out = (text: string) => ({ t: '2026-12-01T10:00:00.000Z', s: 'out' as const, text });

describe('LogFile', () => {
  it("writes Orchest's layout: the run marker first, then the lines", async () => {
    const log = new LogFile(path.join(dir, 'logs', 'web.log'));
    const run = await log.beginRun();
    log.append([out('one'), { ...out('two'), s: 'err' }]);
    await log.settle();
    const text = await fs.readFile(log.file, 'utf8');
    expect(text.split('\n')[0]).toBe(run);
    expect(text).toContain('2026-12-01T10:00:00.000Z err two\n');
    expect(await log.read({ count: 10 })).toEqual({
      run,
      total: 2,
      lines: [
        { n: 1, ...out('one') },
        { n: 2, ...out('two'), s: 'err' },
      ],
    });
  });

  it('writes lines appended while the writer was closing the file', async () => {
    const log = new LogFile(path.join(dir, 'web.log'));
    await log.beginRun();
    let late = false;
    const lateAppended = new Promise<void>((resolve) =>
      log.on('lines', () => {
        if (late) return;
        late = true;
        // Lands while the first write's file is being closed.
        setImmediate(() => (log.append([out('late')]), resolve()));
      }),
    );
    log.append([out('first')]);
    await lateAppended;
    await log.settle();
    expect((await log.read({ count: 10 })).lines.map((l) => l.text)).toEqual(['first', 'late']);
  });

  it('pages and tails a long log through its sparse index', async () => {
    const log = new LogFile(path.join(dir, 'web.log'));
    await log.beginRun();
    const count = STRIDE * 3 + 17;
    log.append(Array.from({ length: count }, (_, i) => out(`line ${i + 1} ${'é'.repeat(i % 5)}`)));
    await log.settle();
    const page = await log.read({ from: STRIDE * 2 + 5, count: 3 });
    expect(page.lines.map((l) => l.n)).toEqual([STRIDE * 2 + 5, STRIDE * 2 + 6, STRIDE * 2 + 7]);
    expect(page.lines[0]!.text).toMatch(new RegExp(`^line ${STRIDE * 2 + 5} `));
    expect((await log.read({ tail: true, count: 2 })).lines.map((l) => l.n)).toEqual([count - 1, count]);
    // A fresh reader of the same file builds the same index.
    const again = new LogFile(log.file);
    expect((await again.read({ from: count, count: 5 })).lines.map((l) => l.text)).toEqual([`line ${count} ${'é'.repeat((count - 1) % 5)}`]);
  });

  it("reads an Orchest log (plain lines, invalid UTF-8) as stdout", async () => {
    const file = path.join(dir, 'old.log');
    await fs.writeFile(file, Buffer.concat([Buffer.from('4f0b3a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b\nplain\n'), Buffer.from([0xff, 0x41, 0x0a]), Buffer.from('last')]));
    const log = new LogFile(file);
    expect(await log.read({ count: 10 })).toEqual({
      run: '4f0b3a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      total: 3,
      lines: [
        { n: 1, s: 'out', text: 'plain' },
        { n: 2, s: 'out', text: '\ufffdA' },
        { n: 3, s: 'out', text: 'last' },
      ],
    });
  });

  it('keeps the previous run as <file>.1 and tells listeners of the new one', async () => {
    const log = new LogFile(path.join(dir, 'web.log'));
    const first = await log.beginRun();
    log.append([out('first run')]);
    await log.settle();
    const seen: [string, LogLine[], number][] = [];
    log.on('lines', (...args) => seen.push(args));
    const second = await log.beginRun();
    expect(second).not.toBe(first);
    expect(seen).toEqual([[second, [], 0]]);
    expect((await new LogFile(`${log.file}.1`).read({ count: 5 })).lines.map((l) => l.text)).toEqual(['first run']);
    expect((await log.read({ count: 5 })).total).toBe(0);
  });

  it('searches without colour codes and finds lines by number', async () => {
    const log = new LogFile(path.join(dir, 'web.log'));
    await log.beginRun();
    log.append([out('\x1b[31mERR\x1b[0mOR here'), out('fine'), out('another error')]);
    await log.settle();
    expect(await log.search('error', false, 10)).toEqual({ matches: [1, 3], truncated: false });
    expect(await log.search('error', true, 10)).toEqual({ matches: [3], truncated: false });
    expect(await log.search('r', false, 1)).toEqual({ matches: [1], truncated: true });
  });

  it('filters by time with since', async () => {
    const log = new LogFile(path.join(dir, 'web.log'));
    await log.beginRun();
    log.append([{ ...out('old'), t: '2026-12-01T09:00:00Z' }, { ...out('new'), t: '2026-12-01T11:00:00Z' }]);
    await log.settle();
    expect((await log.read({ count: 10, since: '2026-12-01T10:00:00Z' })).lines.map((l) => l.text)).toEqual(['new']);
  });

  it('asks its producer to wait above the high-water mark and drains', async () => {
    const log = new LogFile(path.join(dir, 'web.log'));
    await log.beginRun();
    const big = out('y'.repeat(1024 * 1024));
    for (let i = 0; i < 9; i++) log.append([big]);
    expect(log.writable).toBe(false);
    await new Promise<void>((resolve) => log.once('drain', resolve));
    await log.settle();
    expect(log.index.lines).toBe(9);
  });
});
