import { describe, expect, it } from 'vitest';
import { ansiSegments, LINE_LIMIT, paletteColour } from '../../../renderer/src/features/logs/ansi-segments';
import { formatLogTime } from '../../../renderer/src/features/logs/format-log-time';
import { highlight, matchRanges } from '../../../renderer/src/features/logs/highlight';
import { logRowText } from '../../../renderer/src/features/logs/log-text';
import { sourceColour, SOURCE_COLOURS } from '../../../renderer/src/features/logs/source-colour';
import { logTimeKey } from '../../../renderer/src/stores/log-time-key';
import { lastDrawing, logLineMatches, plainLogText, showControls } from '../../../renderer/src/stores/plain-log-text';

const ESC = '\x1b';

describe('ansiSegments', () => {
  it('turns SGR colours and decorations into classes, 256 and true colours into inline colours', () => {
    const { segments, hidden } = ansiSegments(`plain ${ESC}[1;31mred bold${ESC}[0m ${ESC}[38;5;196mp${ESC}[38;2;1;2;3mt${ESC}[42mg`);
    expect(hidden).toBe(0);
    expect(segments).toEqual([
      { text: 'plain ' },
      { text: 'red bold', className: 'ansi-red-fg ansi-bold' },
      { text: ' ' },
      { text: 'p', style: { color: 'rgb(255, 0, 0)' } },
      { text: 't', style: { color: 'rgb(1, 2, 3)' } },
      { text: 'g', className: 'ansi-green-bg', style: { color: 'rgb(1, 2, 3)' } },
    ]);
    expect(paletteColour(196)).toBe('rgb(255, 0, 0)');
    expect(paletteColour(232)).toBe('rgb(8, 8, 8)');
  });

  it('drops cursor movements and titles, and shows other controls and binary bytes as symbols', () => {
    const text = `a${ESC}[2Kb${ESC}]0;title\x07c\x00d\x07e${ESC}f\x9b\x7f\tg`;
    expect(ansiSegments(text).segments.map((s) => s.text).join('')).toBe('abc␀d␇e␛f\ufffd\u2421\tg');
  });

  it('cuts a long line and counts what it does not show', () => {
    const { segments, hidden } = ansiSegments(`${ESC}[32m${'x'.repeat(1_000_000)}`);
    expect(segments.map((s) => s.text).join('')).toHaveLength(LINE_LIMIT);
    expect(hidden).toBe(1_000_000 - LINE_LIMIT);
  });

  it('shows what a terminal leaves of a redrawn line, without the CR of a CRLF', () => {
    expect(lastDrawing('10%\r50%\r100%\r')).toBe('100%');
    expect(plainLogText(`${ESC}[31mok${ESC}[0m\r`)).toBe('ok');
  });
});

describe('plain text', () => {
  it('has no escape codes and matches without regard to case', () => {
    expect(plainLogText(`${ESC}[1mHello${ESC}[0m \x01`)).toBe('Hello ␁');
    expect(logLineMatches(`${ESC}[1mHel${ESC}[0mlo`, 'hello')).toBe(true);
    expect(showControls('\x1f\x80')).toBe('␟\ufffd');
  });

  it('copies a row with its service and time on demand', () => {
    const row = { source: 'web', line: { n: 1, t: '2025-01-01T00:00:00.5Z', s: 'err' as const, text: `${ESC}[31mboom` } };
    expect(logRowText(row, { sources: false, timestamps: false })).toBe('boom');
    expect(logRowText(row, { sources: true, timestamps: true })).toBe('2025-01-01T00:00:00.5Z web | boom');
  });
});

describe('highlight', () => {
  it('splits styled segments at the matches', () => {
    const segments = [{ text: 'an Err' }, { text: 'or here', className: 'ansi-red-fg' }];
    expect(matchRanges('error ERROR', 'error')).toEqual([[0, 5], [6, 11]]);
    expect(highlight(segments, 'error')).toEqual([
      { text: 'an ', mark: false },
      { text: 'Err', mark: true },
      { text: 'or', className: 'ansi-red-fg', mark: true },
      { text: ' here', className: 'ansi-red-fg', mark: false },
    ]);
    expect(highlight(segments, '')).toEqual(segments.map((s) => ({ ...s, mark: false })));
  });
});

describe('times and colours', () => {
  it('sorts Docker times with trimmed fractions as times', () => {
    expect(logTimeKey('2025-01-01T00:00:05.1Z') > logTimeKey('2025-01-01T00:00:05.12Z')).toBe(false);
    expect(logTimeKey('2025-01-01T00:00:05Z') < logTimeKey('2025-01-01T00:00:05.000000001Z')).toBe(true);
    expect(logTimeKey(undefined)).toBe('');
    expect(formatLogTime('not a time')).toBe('not a time');
    expect(formatLogTime(undefined)).toBe('');
  });

  it('gives a service the same colour in every view and session: one of SOURCE_COLOURS, from its name', () => {
    expect(SOURCE_COLOURS).toBe(8); // .log-source--0 to --7 in logs.css
    expect(['web', 'db', 'redis', 'worker', 'api'].map(sourceColour)).toEqual([4, 6, 3, 6, 2]);
    expect(sourceColour('')).toBe(0);
  });
});
