import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { filesStore } from '../../stores/app-stores';
import { treeKeyAction } from '../../stores/tree-keys';
import { treeRows, type TreeRow } from '../../stores/tree-rows';
import { DRAGGED_PATH, FileTreeRow } from './file-tree-row';

export interface FileTreeProps {
  label: string;
  /** A row clicked, or Enter on a file: folders open and close here, files are the parent's to open. */
  onActivate(row: TreeRow): void;
  /** A dragged entry dropped on a folder row ("" when dropped on the tree's empty space: the project folder). */
  onMove(path: string, folder: string): void;
  /** Keys the tree does not use itself (F2, Delete), with the focused row. */
  onKey(key: string, row: TreeRow): boolean;
}

/**
 * A WAI-ARIA tree, rendered flat with aria-level so each item's name is only its own: one Tab stop,
 * arrows to move and open or close folders, Enter or Space to toggle; rows drag onto folder rows.
 */
export function FileTree({ label, onActivate, onMove, onKey }: FileTreeProps) {
  const tree = useStore(filesStore, (s) => s.tree);
  const selected = useStore(filesStore, (s) => s.selected);
  const rows = useMemo(() => treeRows(tree), [tree]);
  const [focused, setFocused] = useState<string>();
  const items = useRef(new Map<string, HTMLElement>());
  // A row that vanished (deleted, or its folder closed) hands the Tab stop to the first row.
  const active = rows.some((row) => row.entry.path === focused) ? focused : rows[0]?.entry.path;

  const onKeyDown = (event: KeyboardEvent) => {
    if (!active) return;
    const row = rows.find((r) => r.entry.path === active);
    const action = treeKeyAction(rows, active, event.key);
    if (!action) {
      if (row && !row.isFolder && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        onActivate(row);
      } else if (row && onKey(event.key, row)) event.preventDefault();
      return;
    }
    event.preventDefault();
    const files = filesStore.getState();
    if (action.type === 'focus') {
      setFocused(action.path);
      items.current.get(action.path)?.focus();
    } else if (action.type === 'expand') files.setExpanded(action.path, true);
    else if (action.type === 'collapse') files.setExpanded(action.path, false);
    else if (row) onActivate(row);
  };

  const dropOnRoot = {
    onDragOver: (event: DragEvent) => {
      if (event.dataTransfer.types.includes(DRAGGED_PATH)) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      const dragged = event.dataTransfer.getData(DRAGGED_PATH);
      if (!dragged) return;
      event.preventDefault();
      onMove(dragged, '');
    },
  };

  return (
    <div
      className="tree"
      role="tree"
      aria-label={label}
      onKeyDown={onKeyDown}
      data-testid="file-tree"
      // A click beside the rows selects nothing: New file and New folder then go to the project folder.
      onClick={(event) => event.target === event.currentTarget && filesStore.getState().select(undefined)}
      {...dropOnRoot}
    >
      {rows.map((row) => (
        <FileTreeRow
          key={row.entry.path}
          row={row}
          tabbable={row.entry.path === active}
          selected={row.entry.path === selected}
          ref={(element) => {
            if (element) items.current.set(row.entry.path, element);
            else items.current.delete(row.entry.path);
          }}
          onFocus={() => setFocused(row.entry.path)}
          onActivate={() => onActivate(row)}
          onDropEntry={(path) => onMove(path, row.entry.path)}
        />
      ))}
    </div>
  );
}
