import { describe, expect, it } from 'vitest';
import { BridgeClient } from '../../../electron/contract';
import { logListModel } from '../../../renderer/src/features/logs/log-list-model';
import { readWholeRun } from '../../../renderer/src/features/logs/read-whole-run';
import { createLogSearchStore } from '../../../renderer/src/stores/log-search-store';
import { createLogsStore } from '../../../renderer/src/stores/logs-store';
import { FakeLogs } from './fake-logs';
import { settle } from './fake-transport';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const target = (sources: string[]) => ({ projectId: PROJECT, path: 'main.orchest', sources, previous: false });

function setup() {
  const logs = new FakeLogs();
  const bridge = new BridgeClient(logs.transport);
  const store = createLogsStore(bridge, { schedule: (run) => run(), page: 10 });
  const search = createLogSearchStore(bridge, store);
  return { logs, bridge, store, search, entry: () => search.getState().searches.v! };
}

describe('log search', () => {
  it('finds matches in the whole file and steps to them, reading around the ones not in memory', async () => {
    const { logs, store, search, entry } = setup();
    logs.write('web', Array.from({ length: 100 }, (_, i) => (i % 30 === 0 ? `boom ${i + 1}` : `fine ${i + 1}`)));
    store.getState().open('v', target(['web']));
    await settle();
    search.getState().setQuery('v', 'boom');
    await search.getState().step('v', 1, 95);
    expect(logs.transport.named('logs.search')).toEqual([{ projectId: PROJECT, path: 'main.orchest', source: 'web', query: 'boom', limit: 100_000 }]);
    expect(entry()).toMatchObject({ status: 'ready', matches: [0, 30, 60, 90], current: 0 });
    expect(store.getState().views.v!.anchor).toBe(0);
    expect(store.getState().views.v!.window.rows[0]!.line.text).toBe('boom 1');

    await search.getState().step('v', -1, 0);
    expect(entry().current).toBe(3);
    expect(store.getState().views.v!.anchor).toBe(90);

    // Lines written since the search may match too: the next step searches again.
    store.getState().setFollowing('v', true);
    await settle();
    logs.append('web', ['boom 101']);
    await search.getState().step('v', 1, 99);
    expect(logs.transport.named('logs.search')).toHaveLength(2);
    expect(entry()).toMatchObject({ matches: [0, 30, 60, 90, 100], current: 4 });
  });

  it('searches the lines in memory of a merged view', async () => {
    const { logs, store, search, entry } = setup();
    logs.write('api', ['api ok', 'api boom']);
    logs.write('db', ['db boom', 'db ok']);
    store.getState().open('v', target(['api', 'db']));
    await settle();
    search.getState().setQuery('v', 'BOOM');
    await search.getState().step('v', 1, 0);
    expect(logs.transport.named('logs.search')).toEqual([]);
    expect(entry()).toMatchObject({ matches: [1, 2], current: 0 });
  });

  it('filters the rows in memory and maps the rows of the run to the list', async () => {
    const { logs, store } = setup();
    logs.write('web', ['one', 'two match', 'three', 'four match']);
    store.getState().open('v', target(['web']));
    await settle();
    const model = logListModel(store.getState().views.v!.window, 'match');
    expect(model.count).toBe(2);
    expect(model.rowAt(1)?.line.text).toBe('four match');
    expect([model.toRow(0), model.toRow(1), model.toIndex(3), model.toIndex(2)]).toEqual([1, 3, 1, 1]);
    expect(logListModel(store.getState().views.v!.window, undefined).count).toBe(4);
  });
});

describe('readWholeRun', () => {
  it('reads every page of every source and merges them by time, without escape codes', async () => {
    const { logs, bridge } = setup();
    logs.write('api', Array.from({ length: 6_000 }, (_, i) => `\x1b[32mapi ${i + 1}\x1b[0m`));
    logs.write('db', ['db last']);
    const blob = await readWholeRun(bridge, target(['api', 'db']), { sources: true, timestamps: false });
    const lines = (await blob.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(6_001);
    expect(lines[0]).toBe('api | api 1');
    expect(lines.at(-1)).toBe('db | db last');
    expect(logs.transport.named('logs.read')).toHaveLength(3);
  });
});
