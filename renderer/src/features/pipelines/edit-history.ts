/** What was, what is, and what an undo took away: immutable, each change a new object. */
export interface EditHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** How many earlier states are kept; older ones are forgotten. */
export const HISTORY_LIMIT = 100;

export function startHistory<T>(present: T): EditHistory<T> {
  return { past: [], present, future: [] };
}

/** A new state after an edit: the old one can be undone to, and what was undone cannot be redone any more. */
export function recordEdit<T>(history: EditHistory<T>, next: T, limit = HISTORY_LIMIT): EditHistory<T> {
  if (Object.is(next, history.present)) return history;
  return { past: [...history.past, history.present].slice(-limit), present: next, future: [] };
}

/** The present replaced without a step in the history (e.g. by what the save answered). */
export function replacePresent<T>(history: EditHistory<T>, present: T): EditHistory<T> {
  return { ...history, present };
}

export function undoEdit<T>(history: EditHistory<T>): EditHistory<T> {
  const previous = history.past.at(-1);
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: previous as T, future: [history.present, ...history.future] };
}

export function redoEdit<T>(history: EditHistory<T>): EditHistory<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next as T, future: rest };
}

export const canUndo = (history: EditHistory<unknown>) => history.past.length > 0;
export const canRedo = (history: EditHistory<unknown>) => history.future.length > 0;
