import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventPayload, LogLine } from '../../../../electron/contract';
import type { LogFile } from '../../../../electron/core/logs/log-file';
import { LogSubscription, MAX_BACKLOG_BYTES, MAX_QUEUED_LINES } from '../../../../electron/core/logs/log-subscription';

afterEach(() => vi.useRealTimers());

/** Just what a subscription uses of a log file: its run, its count and its `lines` events. */
function fakeFile(run: string | null = 'run-1'): LogFile {
  return Object.assign(new EventEmitter(), { run, index: { lines: 0 } }) as unknown as LogFile;
}

const lines = (from: number, count: number): LogLine[] => Array.from({ length: count }, (_, i) => ({ n: from + i, s: 'out', text: `l${from + i}` }));

describe('LogSubscription', () => {
  it('sends the new lines of each source in one batch', () => {
    vi.useFakeTimers();
    const file = fakeFile();
    const sent: EventPayload<'logs.appended'>[] = [];
    const subscription = new LogSubscription('s1', [{ source: 'web', file }], (p) => sent.push(p), () => 0);
    file.emit('lines', 'run-1', lines(1, 2), 2);
    file.emit('lines', 'run-1', lines(3, 1), 3);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(110);
    expect(sent).toEqual([{ subscription: 's1', source: 'web', run: 'run-1', total: 3, skipped: 0, lines: lines(1, 3) }]);
    subscription.dispose();
    file.emit('lines', 'run-1', lines(4, 1), 4);
    vi.advanceTimersByTime(110);
    expect(sent).toHaveLength(1);
  });

  it('keeps only the newest lines for a caller that cannot keep up, and counts the rest', () => {
    vi.useFakeTimers();
    const file = fakeFile();
    const sent: EventPayload<'logs.appended'>[] = [];
    let backlog = MAX_BACKLOG_BYTES + 1;
    new LogSubscription('s1', [{ source: 'web', file }], (p) => sent.push(p), () => backlog);
    for (let i = 0; i < 100; i++) file.emit('lines', 'run-1', lines(i * 1000 + 1, 1000), (i + 1) * 1000);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]); // the connection is full
    backlog = 0;
    vi.advanceTimersByTime(110);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.lines).toHaveLength(MAX_QUEUED_LINES);
    expect(sent[0]!.skipped).toBe(100_000 - MAX_QUEUED_LINES);
    expect(sent[0]!.lines.at(-1)!.n).toBe(100_000);
  });

  it('tells of a new run even before it has lines, and forgets the old run’s lines', () => {
    vi.useFakeTimers();
    const file = fakeFile();
    const sent: EventPayload<'logs.appended'>[] = [];
    new LogSubscription('s1', [{ source: 'web', file }], (p) => sent.push(p), () => 0);
    file.emit('lines', 'run-1', lines(1, 5), 5);
    file.emit('lines', 'run-2', [], 0);
    vi.advanceTimersByTime(110);
    expect(sent).toEqual([{ subscription: 's1', source: 'web', run: 'run-2', total: 0, skipped: 0, lines: [] }]);
  });
});
