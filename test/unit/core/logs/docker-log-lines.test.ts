import { afterEach, describe, expect, it, vi } from 'vitest';
import { DockerLogLines, MAX_LINE_BYTES } from '../../../../electron/core/logs/docker-log-lines';

const NOW = '2026-12-01T05:57:35.634Z';

afterEach(() => vi.useRealTimers());

function lines(skip?: { out: number; err: number }) {
  vi.useFakeTimers({ now: new Date(NOW) });
  return new DockerLogLines(skip);
}

describe('DockerLogLines', () => {
  it('gives each line its stream and the time it came', () => {
    const split = lines();
    expect(split.push('out', Buffer.from('hello\n'))).toEqual({ t: NOW, s: 'out', text: 'hello' });
    expect(split.push('err', Buffer.from('oops\n'))).toEqual({ t: NOW, s: 'err', text: 'oops' });
  });

  it("joins Docker's partial messages of a long line, and a character split between them", () => {
    const split = lines();
    const euro = Buffer.from('€'); // three bytes, split after the first
    expect(split.push('out', Buffer.concat([Buffer.from('a'.repeat(10)), euro.subarray(0, 1)]))).toBeUndefined();
    expect(split.push('out', Buffer.concat([euro.subarray(1), Buffer.from('b\n')]))).toEqual({ t: NOW, s: 'out', text: `${'a'.repeat(10)}€b` });
  });

  it('keeps the streams apart while a line of each is unfinished', () => {
    const split = lines();
    split.push('out', Buffer.from('half '));
    expect(split.push('err', Buffer.from('error\n'))).toMatchObject({ s: 'err', text: 'error' });
    expect(split.push('out', Buffer.from('done\n'))).toMatchObject({ s: 'out', text: 'half done' });
  });

  it('drops a CR before the newline, replaces invalid UTF-8, keeps ANSI codes', () => {
    const split = lines();
    expect(split.push('out', Buffer.from('windows\r\n'))!.text).toBe('windows');
    expect(split.push('out', Buffer.from([0x62, 0xff, 0xfe, 0x00, 0x0a]))!.text).toBe('b\ufffd\ufffd\u0000');
    expect(split.push('out', Buffer.from('\x1b[31mred\x1b[0m\n'))!.text).toBe('\x1b[31mred\x1b[0m');
  });

  it('gives the last line without a newline when the stream ends', () => {
    const split = lines();
    split.push('out', Buffer.from('no newline'));
    expect(split.flush()).toEqual([{ t: NOW, s: 'out', text: 'no newline' }]);
    expect(split.flush()).toEqual([]);
  });

  it('cuts a line past the limit and says how much was not kept', () => {
    const split = lines();
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    for (let i = 0; i < 5; i++) split.push('out', chunk);
    const line = split.push('out', Buffer.from('\n'))!;
    expect(line.text.startsWith('x'.repeat(MAX_LINE_BYTES))).toBe(true);
    expect(line.text.endsWith(`… (${5 * chunk.length - MAX_LINE_BYTES} more bytes not kept)`)).toBe(true);
  });

  it('passes over the lines of each stream that were kept before', () => {
    const split = lines({ out: 2, err: 1 });
    const got = ['o1', 'e1', 'o2', 'e2', 'o3'].map((text) => split.push(text.startsWith('o') ? 'out' : 'err', Buffer.from(`${text}\n`))?.text);
    expect(got).toEqual([undefined, undefined, undefined, 'e2', 'o3']);
  });
});
