import { useEffect, useRef } from 'react';

export interface EditorKeys {
  onUndo(): void;
  onRedo(): void;
  onSelectAll(): void;
  onDelete(): void;
  onEscape(): void;
}

/** Keys typed into a field or a dialog are theirs (a text field has its own undo). */
function belongsElsewhere(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, dialog') !== null;
}

/** The graph editor's keys: Ctrl+Z, Ctrl+Shift+Z (or Ctrl+Y), Ctrl+A, Delete (or Backspace) and Escape. */
export function useEditorKeys(keys: EditorKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || belongsElsewhere(event)) return;
      const handlers = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handler: (() => void) | undefined;
      if (mod && key === 'z') handler = event.shiftKey ? handlers.onRedo : handlers.onUndo;
      else if (mod && key === 'y') handler = handlers.onRedo;
      else if (mod && key === 'a') handler = handlers.onSelectAll;
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) handler = handlers.onDelete;
      else if (event.key === 'Escape') handler = handlers.onEscape;
      if (!handler) return;
      if (event.key !== 'Escape') event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
