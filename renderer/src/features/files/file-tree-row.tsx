import { useId, type CSSProperties, type Ref } from 'react';
import { Icon } from '../../components/icon';
import type { TreeRow } from '../../stores/tree-rows';
import { formatSize } from './format-size';

export interface FileTreeRowProps {
  row: TreeRow;
  tabbable: boolean;
  ref: Ref<HTMLDivElement>;
  onActivate(): void;
  onFocus(): void;
}

/** One item of the file tree: a chevron for folders, the name, and the size of files. */
export function FileTreeRow({ row, tabbable, ref, onActivate, onFocus }: FileTreeRowProps) {
  const { entry, isFolder, expanded, loading, error } = row;
  const detailId = useId();
  const detail = isFolder ? (error ?? (loading ? 'Loading…' : undefined)) : entry.kind === 'symlink' ? 'link' : formatSize(entry.size);
  const style = { '--level': row.level } as CSSProperties;

  return (
    <div
      ref={ref}
      role="treeitem"
      className={`tree__row${error ? ' tree__row--error' : ''}`}
      style={style}
      aria-label={entry.name}
      aria-level={row.level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={isFolder ? expanded : undefined}
      aria-busy={loading || undefined}
      aria-describedby={detail ? detailId : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-path={entry.path}
      data-kind={entry.kind}
      onClick={onActivate}
      onFocus={onFocus}
    >
      <span className={`tree__chevron${expanded ? ' tree__chevron--open' : ''}`} aria-hidden="true">
        {isFolder && <Icon name="chevron" size={14} />}
      </span>
      <span className="tree__icon" aria-hidden="true">
        <Icon name={isFolder ? 'folder' : entry.kind === 'symlink' ? 'link' : 'file'} />
      </span>
      <span className="tree__name">{entry.name}</span>
      {detail && (
        <span id={detailId} className="tree__detail">
          {detail}
        </span>
      )}
    </div>
  );
}
