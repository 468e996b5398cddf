import { Icon } from '../../components/icon';
import type { TreeRow } from '../../stores/tree-rows';
import { formatSize } from './format-size';

/** A tree row's chevron (open or closed when a folder), its kind's icon and its name. */
export function TreeEntryLabel({ row }: { row: Pick<TreeRow, 'entry' | 'isFolder' | 'expanded'> }) {
  const { entry, isFolder, expanded } = row;
  return (
    <>
      <span className={`tree__chevron${expanded ? ' tree__chevron--open' : ''}`} aria-hidden="true">
        {isFolder && <Icon name="chevron" size={14} />}
      </span>
      <span className="tree__icon" aria-hidden="true">
        <Icon name={isFolder ? 'folder' : entry.kind === 'symlink' ? 'link' : 'file'} />
      </span>
      <span className="tree__name">{entry.name}</span>
    </>
  );
}

/** What a row says after its name: a folder's loading or error, a link, a file's size. */
export function treeRowDetail({ entry, isFolder, loading, error }: Pick<TreeRow, 'entry' | 'isFolder' | 'loading' | 'error'>): string | undefined {
  if (isFolder) return error ?? (loading ? 'Loading…' : undefined);
  return entry.kind === 'symlink' ? 'link' : formatSize(entry.size);
}
