import { describe, expect, it } from 'vitest';
import { DockerLogLines, MAX_LINE_BYTES } from '../../../../electron/core/logs/docker-log-lines';

const T = '2026-12-01T05:57:35.634168079Z';
const message = (text: string | Buffer) => Buffer.concat([Buffer.from(`${T} `), Buffer.isBuffer(text) ? text : Buffer.from(text)]);

describe('DockerLogLines', () => {
  it('takes the timestamp off each line and keeps the stream', () => {
    const lines = new DockerLogLines();
    expect(lines.push('out', message('hello\n'))).toEqual([{ t: T, s: 'out', text: 'hello' }]);
    expect(lines.push('err', message('oops\n'))).toEqual([{ t: T, s: 'err', text: 'oops' }]);
  });

  it("joins Docker's partial messages of a long line, and a character split between them", () => {
    const lines = new DockerLogLines();
    const euro = Buffer.from('€'); // three bytes, split after the first
    expect(lines.push('out', message(Buffer.concat([Buffer.from('a'.repeat(10)), euro.subarray(0, 1)])))).toEqual([]);
    expect(lines.push('out', message(Buffer.concat([euro.subarray(1), Buffer.from('b\n')])))).toEqual([{ t: T, s: 'out', text: `${'a'.repeat(10)}€b` }]);
  });

  it('keeps the streams apart while a line of each is unfinished', () => {
    const lines = new DockerLogLines();
    lines.push('out', message('half '));
    expect(lines.push('err', message('error\n'))).toEqual([{ t: T, s: 'err', text: 'error' }]);
    expect(lines.push('out', message('done\n'))).toEqual([{ t: T, s: 'out', text: 'half done' }]);
  });

  it('drops a CR before the newline, replaces invalid UTF-8, keeps ANSI codes', () => {
    const lines = new DockerLogLines();
    expect(lines.push('out', message('windows\r\n'))[0]!.text).toBe('windows');
    expect(lines.push('out', message(Buffer.from([0x62, 0xff, 0xfe, 0x00, 0x0a])))[0]!.text).toBe('b\ufffd\ufffd\u0000');
    expect(lines.push('out', message('\x1b[31mred\x1b[0m\n'))[0]!.text).toBe('\x1b[31mred\x1b[0m');
  });

  it('gives the last line without a newline when the stream ends', () => {
    const lines = new DockerLogLines();
    lines.push('out', message('no newline'));
    expect(lines.flush()).toEqual([{ t: T, s: 'out', text: 'no newline' }]);
    expect(lines.flush()).toEqual([]);
  });

  it('cuts a line past the limit and says how much was not kept', () => {
    const lines = new DockerLogLines();
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 5; i++) lines.push('out', message(chunk));
    const [line] = lines.push('out', message('\n'));
    expect(line!.text.startsWith('x'.repeat(MAX_LINE_BYTES))).toBe(true);
    expect(line!.text.endsWith(`… (${5 * chunk.length - MAX_LINE_BYTES} more bytes not kept)`)).toBe(true);
  });
});
