import { describe, expect, it } from 'vitest';
import { mapLimited } from '../../../../electron/core/jobs/map-limited';

describe('mapLimited', () => {
  it('answers in the items\' order with at most `limit` at work', async () => {
    let working = 0;
    let most = 0;
    const results = await mapLimited([5, 1, 4, 2, 3, 0], 2, async (n) => {
      working++;
      most = Math.max(most, working);
      for (let i = 0; i < n; i++) await Promise.resolve();
      working--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });

  it('starts nothing new after a failure', async () => {
    const started: number[] = [];
    await expect(
      mapLimited([1, 2, 3, 4, 5], 1, async (n) => {
        started.push(n);
        if (n === 2) throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(started).toEqual([1, 2]);
  });

  it('does nothing for no items', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});
