import type { TreeRow } from './tree-rows';

/** What a key press in the tree asks for: move focus, open or close a folder. */
export type TreeAction =
  | { type: 'focus'; path: string }
  | { type: 'expand'; path: string }
  | { type: 'collapse'; path: string }
  | { type: 'toggle'; path: string };

/** WAI-ARIA tree keys: arrows move and open/close, Home/End jump, Enter/Space toggle a folder. */
export function treeKeyAction(rows: readonly TreeRow[], current: string, key: string): TreeAction | undefined {
  const index = rows.findIndex((row) => row.entry.path === current);
  const row = rows[index];
  if (!row) return rows[0] ? { type: 'focus', path: rows[0].entry.path } : undefined;
  const focus = (target: TreeRow | undefined): TreeAction | undefined =>
    target ? { type: 'focus', path: target.entry.path } : undefined;

  switch (key) {
    case 'ArrowDown':
      return focus(rows[index + 1]);
    case 'ArrowUp':
      return focus(rows[index - 1]);
    case 'Home':
      return focus(rows[0]);
    case 'End':
      return focus(rows[rows.length - 1]);
    case 'ArrowRight':
      if (!row.isFolder) return undefined;
      if (!row.expanded) return { type: 'expand', path: row.entry.path };
      return rows[index + 1]?.parent === row.entry.path ? focus(rows[index + 1]) : undefined;
    case 'ArrowLeft':
      if (row.isFolder && row.expanded) return { type: 'collapse', path: row.entry.path };
      return row.parent === '' ? undefined : { type: 'focus', path: row.parent };
    case 'Enter':
    case ' ':
      return row.isFolder ? { type: 'toggle', path: row.entry.path } : undefined;
    default:
      return undefined;
  }
}
