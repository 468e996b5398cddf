import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, recordEdit, redoEdit, replacePresent, startHistory, undoEdit } from '../../../renderer/src/features/pipelines/edit-history';

describe('edit history', () => {
  it('undoes and redoes edits in order', () => {
    let history = startHistory('a');
    history = recordEdit(history, 'b');
    history = recordEdit(history, 'c');
    expect(canUndo(history)).toBe(true);
    expect(canRedo(history)).toBe(false);
    history = undoEdit(history);
    expect(history.present).toBe('b');
    history = undoEdit(history);
    expect(history.present).toBe('a');
    expect(canUndo(history)).toBe(false);
    expect(undoEdit(history)).toBe(history);
    history = redoEdit(history);
    expect(history.present).toBe('b');
    history = redoEdit(history);
    expect(history.present).toBe('c');
    expect(redoEdit(history)).toBe(history);
  });

  it('forgets what was undone once a new edit is made', () => {
    let history = recordEdit(recordEdit(startHistory(1), 2), 3);
    history = recordEdit(undoEdit(history), 4);
    expect(history).toEqual({ past: [1, 2], present: 4, future: [] });
    expect(canRedo(history)).toBe(false);
  });

  it('keeps the same object when nothing changed, and only the newest states past the limit', () => {
    const start = startHistory({ x: 1 });
    expect(recordEdit(start, start.present)).toBe(start);
    let history = startHistory(0);
    for (let i = 1; i <= 5; i++) history = recordEdit(history, i, 3);
    expect(history.past).toEqual([2, 3, 4]);
  });

  it('replaces the present without a step to undo, keeping the redo list', () => {
    const history = undoEdit(recordEdit(startHistory('a'), 'b'));
    expect(replacePresent(history, 'A')).toEqual({ past: [], present: 'A', future: ['b'] });
  });
});
