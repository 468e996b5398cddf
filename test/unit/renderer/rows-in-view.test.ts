import { describe, expect, it } from 'vitest';
import { LOG_ROW_HEIGHT, MAX_SIZER_HEIGHT, placeAt, placeAtBottom, rowsInView, rowTop, scrollScale, scrollTopCentring } from '../../../renderer/src/features/logs/rows-in-view';

const view = (scrollTop: number, clientHeight = 540) => ({ scrollTop, clientHeight }) as HTMLElement;

describe('the log list scroll arithmetic', () => {
  it('is one pixel per pixel while the log fits under the browsers cap', () => {
    expect(scrollScale(1000, 540)).toEqual({ height: 1000 * LOG_ROW_HEIGHT, ratio: 1 });
    expect(rowsInView(view(180), 1000)).toEqual([10, 40]);
    expect(rowTop(10, 180, scrollScale(1000, 540))).toBe(180);
  });

  it('reaches the last rows of a log taller than the cap, at a scale', () => {
    const count = 3_000_000;
    const scale = scrollScale(count, 540);
    expect(scale.height).toBe(MAX_SIZER_HEIGHT);
    const bottom = MAX_SIZER_HEIGHT - 540;
    const [first, end] = rowsInView(view(bottom), count);
    expect(end).toBe(count);
    expect(first).toBe(count - 30);
    // The last row is drawn at the bottom of the view.
    expect(rowTop(count - 1, bottom, scale) + LOG_ROW_HEIGHT).toBeCloseTo(bottom + 540, 3);
    // A jump to a row puts it in the middle of the view.
    const top = scrollTopCentring(2_000_000, 540, scale);
    const [from, to] = rowsInView(view(top), count);
    expect(from).toBeLessThan(2_000_000);
    expect(to).toBeGreaterThan(2_000_000);
    expect(rowTop(2_000_000, top, scale) - top).toBeCloseTo(270 - LOG_ROW_HEIGHT / 2, 3);
  });

  it('knows the place at the end, where following keeps the view, as a scroll to the end measures it', () => {
    for (const count of [10, 1000, 3_000_000]) {
      const end = Math.max(0, scrollScale(count, 540).height - 540);
      expect(placeAtBottom(count, 540)).toEqual(placeAt(end, 540, count));
    }
    expect(placeAtBottom(1000, 540)).toEqual({ first: 970, end: 1000, top: 0, height: 540 });
    // A log shorter than the view is all in it.
    expect(placeAtBottom(10, 540)).toMatchObject({ first: 0, top: 0 });
    const tall = placeAtBottom(3_000_000, 540);
    expect(tall).toMatchObject({ first: 3_000_000 - 30, end: 3_000_000, top: MAX_SIZER_HEIGHT - 540 });
    expect(rowTop(3_000_000 - 1, tall.top, scrollScale(3_000_000, 540)) + LOG_ROW_HEIGHT).toBeCloseTo(tall.top + 540, 3);
  });
});
