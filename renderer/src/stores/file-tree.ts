import type { FileEntry } from '../../../electron/contract';

/** One folder's listing as the tree knows it; `entries` stay shown while a re-fetch runs. */
export interface FolderListing {
  entries: readonly FileEntry[] | undefined;
  loading: boolean;
  error: string | undefined;
}

/** A lazy tree: listings of the folders loaded so far ("" is the project folder) and which are open. */
export interface FileTree {
  readonly folders: Readonly<Record<string, FolderListing>>;
  readonly expanded: Readonly<Record<string, true>>;
}

export const emptyTree: FileTree = { folders: {}, expanded: {} };

export function startLoading(tree: FileTree, path: string): FileTree {
  const before = tree.folders[path];
  const listing: FolderListing = { entries: before?.entries, loading: true, error: undefined };
  return { ...tree, folders: { ...tree.folders, [path]: listing } };
}

/** Stores a listing and forgets what the tree knew of folders that are no longer in it. */
export function finishLoading(tree: FileTree, path: string, entries: readonly FileEntry[]): FileTree {
  const folders = new Set(entries.filter((e) => e.kind === 'directory').map((e) => e.path));
  const gone = (key: string) => isChildOf(key, path) && !folders.has(topFolderUnder(key, path));
  const next: FileTree = {
    folders: { ...withoutKeys(tree.folders, gone), [path]: { entries, loading: false, error: undefined } },
    expanded: withoutKeys(tree.expanded, gone),
  };
  return next;
}

export function failLoading(tree: FileTree, path: string, error: string): FileTree {
  const before = tree.folders[path];
  const listing: FolderListing = { entries: before?.entries, loading: false, error };
  return { ...tree, folders: { ...tree.folders, [path]: listing } };
}

export function setExpanded(tree: FileTree, path: string, expanded: boolean): FileTree {
  if (expanded === Boolean(tree.expanded[path])) return tree;
  const next = { ...tree.expanded };
  if (expanded) next[path] = true;
  else delete next[path];
  return { ...tree, expanded: next };
}

/** The folders whose listings the tree holds: the ones to re-fetch when their files change. */
export function loadedFolders(tree: FileTree): string[] {
  return Object.keys(tree.folders).filter((path) => tree.folders[path]?.entries !== undefined);
}

/** True when `key` is below `folder` ("" holds everything but itself). */
export function isChildOf(key: string, folder: string): boolean {
  if (folder === '') return key !== '';
  return key.startsWith(`${folder}/`);
}

/** The first folder below `folder` on the way to `key`: "a/b" for key "a/b/c" under "a". */
function topFolderUnder(key: string, folder: string): string {
  const rest = folder === '' ? key : key.slice(folder.length + 1);
  const first = rest.split('/')[0] ?? rest;
  return folder === '' ? first : `${folder}/${first}`;
}

function withoutKeys<T>(record: Readonly<Record<string, T>>, drop: (key: string) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !drop(key)));
}
