import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../electron/contract';
import {
  emptyTree,
  failLoading,
  finishLoading,
  isChildOf,
  loadedFolders,
  setExpanded,
  startLoading,
  type FileTree,
} from '../../../renderer/src/stores/file-tree';

const dir = (path: string): FileEntry => ({ name: path.split('/').pop() ?? path, path, kind: 'directory', size: 0 });
const file = (path: string, size = 1): FileEntry => ({ name: path.split('/').pop() ?? path, path, kind: 'file', size });

function treeWith(listings: Record<string, FileEntry[]>, expanded: string[] = []): FileTree {
  let tree = emptyTree;
  for (const [path, entries] of Object.entries(listings)) tree = finishLoading(tree, path, entries);
  for (const path of expanded) tree = setExpanded(tree, path, true);
  return tree;
}

describe('file tree state', () => {
  it('keeps the old entries on screen while a folder loads again', () => {
    const loaded = treeWith({ '': [file('a.txt')] });
    const loading = startLoading(loaded, '');
    expect(loading.folders['']).toEqual({ entries: [file('a.txt')], loading: true, error: undefined });
    expect(loaded.folders['']?.loading).toBe(false); // not mutated
  });

  it('records a failure with the entries it had', () => {
    const failed = failLoading(startLoading(emptyTree, 'x'), 'x', 'cannot be read');
    expect(failed.folders.x).toEqual({ entries: undefined, loading: false, error: 'cannot be read' });
    expect(loadedFolders(failed)).toEqual([]);
  });

  it('forgets folders that vanished from a new listing, with everything under them', () => {
    const tree = treeWith(
      { '': [dir('a'), dir('b')], a: [dir('a/deep')], 'a/deep': [file('a/deep/f')], b: [file('b/g')] },
      ['a', 'a/deep', 'b'],
    );
    const next = finishLoading(tree, '', [dir('b'), file('c')]);
    expect(Object.keys(next.folders).sort()).toEqual(['', 'b']);
    expect(Object.keys(next.expanded)).toEqual(['b']);
  });

  it('does not confuse a folder with a sibling that shares its prefix', () => {
    const tree = treeWith({ '': [dir('a'), dir('ab')], a: [], ab: [file('ab/x')] }, ['a', 'ab']);
    const next = finishLoading(tree, '', [dir('ab')]);
    expect(Object.keys(next.folders).sort()).toEqual(['', 'ab']);
    expect(next.expanded).toEqual({ ab: true });
  });

  it('prunes only below the folder that was listed again', () => {
    const tree = treeWith({ '': [dir('a'), dir('z')], a: [dir('a/x')], 'a/x': [], z: [] }, ['a', 'a/x', 'z']);
    const next = finishLoading(tree, 'a', []);
    expect(Object.keys(next.folders).sort()).toEqual(['', 'a', 'z']);
    expect(Object.keys(next.expanded).sort()).toEqual(['a', 'z']);
  });

  it('expands and collapses without needless copies', () => {
    const open = setExpanded(emptyTree, 'a', true);
    expect(open.expanded).toEqual({ a: true });
    expect(setExpanded(open, 'a', true)).toBe(open);
    expect(setExpanded(open, 'a', false).expanded).toEqual({});
  });

  it('lists the loaded folders for re-fetching', () => {
    const tree = startLoading(treeWith({ '': [dir('a')], a: [] }), 'b');
    expect(loadedFolders(tree).sort()).toEqual(['', 'a']);
  });

  it('knows what lies below a folder', () => {
    expect(isChildOf('a', '')).toBe(true);
    expect(isChildOf('', '')).toBe(false);
    expect(isChildOf('a/b', 'a')).toBe(true);
    expect(isChildOf('ab', 'a')).toBe(false);
    expect(isChildOf('a', 'a')).toBe(false);
  });
});
