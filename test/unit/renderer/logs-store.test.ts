import { describe, expect, it } from 'vitest';
import { BridgeClient } from '../../../electron/contract';
import { windowAtEnd, windowCount, windowOffset, type LogWindow } from '../../../renderer/src/stores/log-window';
import { createLogsStore, type LogsStoreOptions } from '../../../renderer/src/stores/logs-store';
import { FakeLogs } from './fake-logs';
import { settle } from './fake-transport';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const target = (sources: string[], previous = false) => ({ projectId: PROJECT, path: 'main.orchest', sources, previous });
const numbered = (from: number, count: number, prefix = 'line') => Array.from({ length: count }, (_, i) => `${prefix} ${from + i}`);

function setup(options: LogsStoreOptions = {}) {
  const logs = new FakeLogs();
  const store = createLogsStore(new BridgeClient(logs.transport), { schedule: (run) => run(), ...options });
  const view = () => store.getState().views.v!;
  const texts = () => view().window.rows.map((row) => row.line.text);
  return { logs, store, view, texts };
}

describe('logs store', () => {
  it('follows the source, then reads its tail', async () => {
    const { logs, store, view, texts } = setup({ page: 3 });
    logs.write('web', numbered(1, 5));
    store.getState().open('v', target(['web']));
    expect(view().status).toBe('loading');
    await settle();
    expect(logs.transport.calls.map((call) => call.name)).toEqual(['logs.follow', 'logs.read']);
    expect(logs.transport.named('logs.read')[0]).toMatchObject({ source: 'web', tail: true, count: 3 });
    expect(view()).toMatchObject({ status: 'ready', following: true, anchor: 'end', epoch: 1 });
    expect(texts()).toEqual(['line 3', 'line 4', 'line 5']);
    expect([windowOffset(view().window), windowCount(view().window)]).toEqual([2, 5]);

    logs.append('web', ['line 6']);
    expect(texts()).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    store.getState().close('v');
    await settle();
    expect(logs.followers).toBe(0);
    expect(store.getState().views).toEqual({});
  });

  it('keeps a bounded window while 100,000 lines are appended', async () => {
    const { logs, store, view } = setup();
    store.getState().open('v', target(['web']));
    await settle();
    for (let n = 1; n <= 100_000; n += 500) logs.append('web', numbered(n, 500));
    const { window } = view();
    expect(window.rows.length).toBe(20_000);
    expect(windowCount(window)).toBe(100_000);
    expect(windowOffset(window)).toBe(80_000);
    expect(window.rows[0]!.line.n).toBe(80_001);
    expect(window.rows.at(-1)!.line.text).toBe('line 100000');
    expect(logs.transport.named('logs.read')).toHaveLength(1);
  });

  it('starts over when a new run begins', async () => {
    const { logs, store, view, texts } = setup();
    logs.write('web', numbered(1, 50));
    store.getState().open('v', target(['web']));
    await settle();
    store.getState().setFollowing('v', false);
    logs.append('web', ['fresh 1', 'fresh 2'], { run: 'run-2' });
    expect(texts()).toEqual(['fresh 1', 'fresh 2']);
    expect(view().window.cursors.web).toEqual({ run: 'run-2', before: 0, last: 2, total: 2 });
    expect(view().following).toBe(true);
  });

  it('jumps to the live lines when some were skipped while following, and only counts them while reading', async () => {
    const { logs, store, view, texts } = setup({ page: 4 });
    logs.write('web', numbered(1, 2));
    store.getState().open('v', target(['web']));
    await settle();
    const reads = logs.transport.named('logs.read').length;
    logs.append('web', numbered(3, 10), { skip: 7 });
    await settle();
    expect(logs.transport.named('logs.read')).toHaveLength(reads);
    expect(texts()).toEqual(['line 10', 'line 11', 'line 12']);
    expect(view().window.cursors.web).toEqual({ run: 'run-1', before: 9, last: 12, total: 12 });

    // The skipped lines are read back from the file when the person scrolls up to them.
    store.getState().setFollowing('v', false);
    store.getState().ensure('v', 5, 12);
    await settle();
    expect(texts()).toEqual(numbered(6, 7));

    const paged = logs.transport.named('logs.read').length;
    logs.append('web', numbered(13, 5), { skip: 2 });
    await settle();
    expect(logs.transport.named('logs.read')).toHaveLength(paged);
    expect(windowCount(view().window)).toBe(17);
    expect(windowAtEnd(view().window)).toBe(false);

    store.getState().setFollowing('v', true);
    await settle();
    expect(texts()).toEqual(['line 14', 'line 15', 'line 16', 'line 17']);
  });

  it('jumps one service of a merged view to its live lines, keeping the others’ newer rows, and pages back in order', async () => {
    const { logs, store, view } = setup({ page: 100 });
    logs.write('api', ['api 1']);
    logs.write('db', ['db 1']);
    store.getState().open('v', target(['api', 'db']));
    await settle();
    const reads = logs.transport.named('logs.read').length;
    const texts = () => view().window.rows.map((row) => row.line.text);

    logs.append('db', ['db 2']);
    logs.append('api', numbered(2, 5, 'api'), { skip: 3 });
    logs.append('db', ['db 3']);
    expect(texts()).toEqual(['api 5', 'api 6', 'db 3']);
    expect(view().window.cursors).toMatchObject({ api: { before: 4, last: 6, total: 6 }, db: { before: 2, last: 3, total: 3 } });
    expect(logs.transport.named('logs.read')).toHaveLength(reads);

    logs.append('api', numbered(7, 4, 'api'), { skip: 3 });
    expect(texts()).toEqual(['api 10']);
    expect(view().window.cursors.db).toMatchObject({ before: 3, last: 3 });

    // api's lines reach the view after a newer db line: that db line stays, after them.
    const late = logs.write('api', numbered(11, 3, 'api'));
    logs.append('db', ['db 4']);
    const { subscription } = logs.transport.named('logs.follow')[0] as { subscription: string };
    logs.transport.emit('logs.appended', { subscription, source: 'api', run: 'run-1', total: 13, skipped: 2, lines: late.slice(2) });
    expect(texts()).toEqual(['api 13', 'db 4']);
    expect(view().window.cursors).toMatchObject({ api: { before: 12, last: 13 }, db: { before: 3, last: 4 } });

    store.getState().setFollowing('v', false);
    store.getState().ensure('v', 0, windowCount(view().window));
    await settle();
    expect(texts()).toEqual(['api 1', 'db 1', 'db 2', ...numbered(2, 5, 'api'), 'db 3', ...numbered(7, 7, 'api'), 'db 4']);
  });

  it('pages older lines in as the person scrolls up and drops the far newest ones', async () => {
    const { logs, store, view, texts } = setup({ page: 10, maxRows: 25 });
    logs.write('web', numbered(1, 100));
    store.getState().open('v', target(['web']));
    await settle();
    store.getState().setFollowing('v', false);
    store.getState().ensure('v', 85, 95);
    await settle();
    expect(logs.transport.named('logs.read').at(-1)).toMatchObject({ from: 81, count: 10 });
    expect(texts()[0]).toBe('line 81');
    // Still short of what is asked for, so the next page follows by itself.
    store.getState().ensure('v', 60, 70);
    await settle();
    const { window } = view();
    expect(window.rows.length).toBe(25);
    expect(window.rows[0]!.line.n).toBe(61);
    expect(window.rows.at(-1)!.line.n).toBe(85);
    expect(windowCount(window)).toBe(100);
    expect(windowAtEnd(window)).toBe(false);

    // Live lines after a window that lost its end are only counted.
    logs.append('web', ['line 101']);
    expect(window.rows.length).toBe(25);
    expect(windowCount(view().window)).toBe(101);
    store.getState().ensure('v', 90, 101);
    await settle();
    expect(view().window.rows.at(-1)!.line.n).toBe(101);
  });

  it('pages older lines in when the main process cuts its pages short', async () => {
    const logs = new FakeLogs({ pageCap: 3 });
    const store = createLogsStore(new BridgeClient(logs.transport), { schedule: (run) => run(), page: 10 });
    logs.write('web', numbered(1, 25));
    store.getState().open('v', target(['web']));
    await settle();
    store.getState().setFollowing('v', false);
    expect(windowOffset(store.getState().views.v!.window)).toBe(15);
    expect(windowAtEnd(store.getState().views.v!.window)).toBe(true);
    store.getState().ensure('v', 0, 5);
    await settle();
    await settle();
    const { rows } = store.getState().views.v!.window;
    expect(rows.map((row) => row.line.n)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('jumps far away, to the start, and to a line', async () => {
    const { logs, store, view, texts } = setup({ page: 10 });
    logs.write('web', numbered(1, 1_000));
    store.getState().open('v', target(['web']));
    await settle();
    store.getState().ensure('v', 500, 510);
    await settle();
    expect(windowOffset(view().window)).toBe(500);
    expect(texts()[0]).toBe('line 501');

    await store.getState().jumpToStart('v');
    expect(texts()[0]).toBe('line 1');
    expect(view()).toMatchObject({ anchor: 0, following: false });

    await store.getState().reveal('v', 699);
    expect(view().anchor).toBe(699);
    expect(texts()).toContain('line 700');
    await store.getState().jumpToEnd('v');
    expect(view()).toMatchObject({ anchor: 'end', following: true });
    expect(texts().at(-1)).toBe('line 1000');
  });

  it('merges the tails of several services by time and pages them back in order', async () => {
    const { logs, store, view } = setup({ page: 3 });
    for (let i = 1; i <= 6; i++) {
      logs.write('api', [`api ${i}`]);
      logs.write('db', [`db ${i}`]);
      if (i % 2 === 0) logs.write('db', [`db ${i}b`]);
    }
    store.getState().open('v', target(['api', 'db']));
    await settle();
    const texts = () => view().window.rows.map((row) => `${row.line.text}`);
    // db's page starts at db 5, so older api lines wait until db's older lines are read.
    expect(texts()).toEqual(['db 5', 'api 6', 'db 6', 'db 6b']);
    expect(windowCount(view().window)).toBe(15);
    expect(windowOffset(view().window)).toBe(11);

    store.getState().ensure('v', 0, 15);
    await settle();
    expect(texts()).toEqual(['api 1', 'db 1', 'api 2', 'db 2', 'db 2b', 'api 3', 'db 3', 'api 4', 'db 4', 'db 4b', 'api 5', 'db 5', 'api 6', 'db 6', 'db 6b']);

    logs.append('db', ['db 7']);
    logs.append('api', ['api 7']);
    expect(texts().slice(-2)).toEqual(['db 7', 'api 7']);
  });

  it('reads the previous run without following it', async () => {
    const { logs, store, view } = setup();
    logs.write('web', ['old']);
    store.getState().open('v', target(['web'], true));
    await settle();
    expect(logs.transport.named('logs.follow')).toEqual([]);
    expect(logs.transport.named('logs.read')[0]).toMatchObject({ previous: true });
    expect(view().following).toBe(false);
  });

  it('says why a log cannot be read', async () => {
    const { logs, store, view } = setup();
    logs.transport.handle('logs.read', () => {
      throw new Error('no such pipeline');
    });
    store.getState().open('v', target(['web']));
    await settle();
    expect(view()).toMatchObject({ status: 'error', error: 'The log cannot be read: no such pipeline' });
  });
});

/** Rows of the window are exactly the lines its cursors claim, each source's in order and without gaps. */
function expectConsistent(window: LogWindow) {
  for (const source of window.sources) {
    const { before, last } = window.cursors[source]!;
    const numbers = window.rows.filter((row) => row.source === source).map((row) => row.line.n);
    expect(numbers, `${source} ${before}..${last}`).toEqual(Array.from({ length: last - before }, (_, i) => before + 1 + i));
  }
}

describe('logs store under random use', () => {
  // Short pages, times out of order, skipped lines, new runs, jumps and scrolling, all at once.
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`keeps its window consistent (seed ${seed})`, async () => {
      let state = seed;
      const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % n);
      const logs = new FakeLogs({ pageCap: 1 + (seed % 4) * 3, jitter: () => random(5) - 2 });
      const store = createLogsStore(new BridgeClient(logs.transport), { schedule: (run) => run(), page: 7, maxRows: 30 });
      const sources = ['a', 'b', 'c'].slice(0, 1 + (seed % 3));
      for (const source of sources) logs.write(source, ['first']);
      store.getState().open('v', target(sources));
      await settle();
      for (let step = 0; step < 250; step++) {
        const source = sources[random(sources.length)]!;
        const op = random(10);
        if (op < 4) logs.append(source, numbered(step, 1 + random(12), source), { skip: random(4) === 0 ? random(5) : 0 });
        else if (op === 4) logs.write(source, ['written, not sent']);
        else if (op === 5) store.getState().setFollowing('v', random(2) === 0);
        else if (op === 6) {
          const from = random(windowCount(store.getState().views.v!.window) + 1);
          store.getState().ensure('v', from, from + 5);
        } else if (op === 7) void store.getState().jumpToStart('v');
        else if (op === 8) void store.getState().jumpToEnd('v');
        else if (random(6) === 0) logs.append(source, ['a new run'], { run: `run-${step}` });
        if (random(3) === 0) await settle();
        expectConsistent(store.getState().views.v!.window);
      }
    });
  }
});
