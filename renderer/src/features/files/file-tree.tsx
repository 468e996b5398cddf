import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { filesStore } from '../../stores/app-stores';
import { treeKeyAction } from '../../stores/tree-keys';
import { treeRows } from '../../stores/tree-rows';
import { FileTreeRow } from './file-tree-row';

/**
 * A WAI-ARIA tree, rendered flat with aria-level so each item's name is only its own: one Tab stop,
 * arrows to move and open or close folders, Enter or Space to toggle.
 */
export function FileTree({ label }: { label: string }) {
  const tree = useStore(filesStore, (s) => s.tree);
  const rows = useMemo(() => treeRows(tree), [tree]);
  const [focused, setFocused] = useState<string>();
  const items = useRef(new Map<string, HTMLElement>());
  // A row that vanished (deleted, or its folder closed) hands the Tab stop to the first row.
  const active = rows.some((row) => row.entry.path === focused) ? focused : rows[0]?.entry.path;

  const onKeyDown = (event: KeyboardEvent) => {
    if (!active) return;
    const action = treeKeyAction(rows, active, event.key);
    if (!action) return;
    event.preventDefault();
    const files = filesStore.getState();
    if (action.type === 'focus') {
      setFocused(action.path);
      items.current.get(action.path)?.focus();
    } else if (action.type === 'expand') files.setExpanded(action.path, true);
    else if (action.type === 'collapse') files.setExpanded(action.path, false);
    else files.toggle(action.path);
  };

  return (
    <div className="tree" role="tree" aria-label={label} onKeyDown={onKeyDown} data-testid="file-tree">
      {rows.map((row) => (
        <FileTreeRow
          key={row.entry.path}
          row={row}
          tabbable={row.entry.path === active}
          ref={(element) => {
            if (element) items.current.set(row.entry.path, element);
            else items.current.delete(row.entry.path);
          }}
          onFocus={() => setFocused(row.entry.path)}
          onActivate={() => {
            if (row.isFolder) filesStore.getState().toggle(row.entry.path);
          }}
        />
      ))}
    </div>
  );
}
