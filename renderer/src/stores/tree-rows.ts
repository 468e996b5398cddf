import type { FileEntry } from '../../../electron/contract';
import type { FileTree } from './file-tree';

/** One visible line of the tree, flattened in display order with its ARIA position. */
export interface TreeRow {
  entry: FileEntry;
  parent: string;
  /** 1 for the project folder's own children. */
  level: number;
  posInSet: number;
  setSize: number;
  isFolder: boolean;
  expanded: boolean;
  loading: boolean;
  error: string | undefined;
}

/** The rows a person sees: children of every open folder whose listing is loaded. */
export function treeRows(tree: FileTree): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (folder: string, level: number) => {
    const entries = tree.folders[folder]?.entries ?? [];
    entries.forEach((entry, index) => {
      const isFolder = entry.kind === 'directory';
      const listing = isFolder ? tree.folders[entry.path] : undefined;
      const expanded = isFolder && Boolean(tree.expanded[entry.path]);
      rows.push({
        entry,
        parent: folder,
        level,
        posInSet: index + 1,
        setSize: entries.length,
        isFolder,
        expanded,
        loading: listing?.loading ?? false,
        error: listing?.error,
      });
      if (expanded) walk(entry.path, level + 1);
    });
  };
  walk('', 1);
  return rows;
}
