import { useId, useState, type CSSProperties, type DragEvent, type Ref } from 'react';
import type { TreeRow } from '../../stores/tree-rows';
import { TreeEntryLabel, treeRowDetail } from './tree-entry-label';

export interface FileTreeRowProps {
  row: TreeRow;
  tabbable: boolean;
  selected: boolean;
  /** Drops a dragged entry (its path) into this row's folder; only folder rows take drops. */
  onDropEntry(path: string): void;
  ref: Ref<HTMLDivElement>;
  onActivate(): void;
  onFocus(): void;
}

/** The drag data of a row: its project path. */
export const DRAGGED_PATH = 'application/x-orchest-desktop-path';

const carriesEntry = (event: DragEvent) => event.dataTransfer.types.includes(DRAGGED_PATH);

/** One item of the file tree: a chevron for folders, the name, and the size of files; drags onto folder rows. */
export function FileTreeRow({ row, tabbable, selected, onDropEntry, ref, onActivate, onFocus }: FileTreeRowProps) {
  const [dropTarget, setDropTarget] = useState(false);
  const { entry, isFolder, expanded, loading, error } = row;
  const detailId = useId();
  const detail = treeRowDetail(row);
  const style = { '--level': row.level } as CSSProperties;

  return (
    <div
      ref={ref}
      role="treeitem"
      className={`tree__row${error ? ' tree__row--error' : ''}${dropTarget ? ' tree__row--drop' : ''}`}
      style={style}
      aria-label={entry.name}
      aria-level={row.level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={isFolder ? expanded : undefined}
      aria-busy={loading || undefined}
      aria-selected={selected}
      aria-describedby={detail ? detailId : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-path={entry.path}
      data-kind={entry.kind}
      onClick={onActivate}
      onFocus={onFocus}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAGGED_PATH, entry.path);
        event.dataTransfer.effectAllowed = 'move';
      }}
      {...(isFolder && {
        onDragOver: (event: DragEvent) => {
          if (!carriesEntry(event)) return;
          event.preventDefault();
          event.stopPropagation();
          event.dataTransfer.dropEffect = 'move';
          setDropTarget(true);
        },
        onDragLeave: () => setDropTarget(false),
        onDrop: (event: DragEvent) => {
          setDropTarget(false);
          const dragged = event.dataTransfer.getData(DRAGGED_PATH);
          if (!dragged) return;
          event.preventDefault();
          event.stopPropagation();
          onDropEntry(dragged);
        },
      })}
    >
      <TreeEntryLabel row={row} />
      {detail && (
        <span id={detailId} className="tree__detail">
          {detail}
        </span>
      )}
    </div>
  );
}
