import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES } from '../../../../electron/core/logs/docker-log-lines';
import { OutputLines } from '../../../../electron/core/logs/output-lines';

const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('OutputLines', () => {
  it('splits chunks of any size into lines, per stream, counting them', () => {
    const lines = new OutputLines();
    expect(texts(lines.push('out', Buffer.from('one\ntw')))).toEqual(['one']);
    expect(texts(lines.push('err', Buffer.from('oops\r\n')))).toEqual(['oops']);
    expect(texts(lines.push('out', Buffer.from('o\nthree\r\nfour')))).toEqual(['two', 'three']);
    expect(texts(lines.flush())).toEqual(['four']);
    expect(lines.seen).toEqual({ out: 4, err: 1 });
  });

  it('keeps a character split across chunks and replaces invalid bytes', () => {
    const lines = new OutputLines();
    const e = Buffer.from('é\n');
    expect(lines.push('out', e.subarray(0, 1))).toEqual([]);
    expect(texts(lines.push('out', Buffer.concat([e.subarray(1), Buffer.from([0x62, 0xff, 0x0a])])))).toEqual(['é', 'b\ufffd']);
  });

  it('cuts a line past MAX_LINE_BYTES, saying how much was dropped, and goes on', () => {
    const lines = new OutputLines();
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    for (let i = 0; i < 5; i++) expect(lines.push('out', chunk)).toEqual([]);
    const [long, next] = lines.push('out', Buffer.from('\nnext\n'));
    expect(long!.text).toBe(`${'x'.repeat(MAX_LINE_BYTES)} … (${1024 * 1024} more bytes not kept)`);
    expect(next!.text).toBe('next');
    expect(lines.seen.out).toBe(2);
  });
});
