import { describe, expect, it } from 'vitest';
import { formatLogLine, parseLogLine } from '../../../../electron/core/logs/log-format';

describe('log lines on disk', () => {
  it('round-trips time, stream and text', () => {
    const line = { t: '2026-12-01T05:57:35.6Z', s: 'err' as const, text: 'a b  c' };
    expect(parseLogLine(formatLogLine(line).slice(0, -1), 7)).toEqual({ n: 7, ...line });
  });

  it("reads a line of Orchest's (no prefix) as plain stdout", () => {
    expect(parseLogLine('Epoch 1/10 loss=0.3', 1)).toEqual({ n: 1, s: 'out', text: 'Epoch 1/10 loss=0.3' });
  });

});
