import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../electron/contract';
import { emptyTree, finishLoading, setExpanded, startLoading } from '../../../renderer/src/stores/file-tree';
import { treeKeyAction } from '../../../renderer/src/stores/tree-keys';
import { treeRows } from '../../../renderer/src/stores/tree-rows';

const dir = (path: string): FileEntry => ({ name: path.split('/').pop() ?? path, path, kind: 'directory', size: 0 });
const file = (path: string): FileEntry => ({ name: path.split('/').pop() ?? path, path, kind: 'file', size: 3 });

// data/ (open) > raw/ (open) > a.csv ; data/readme.md ; src/ (closed) ; main.orchest
let tree = finishLoading(emptyTree, '', [dir('data'), dir('src'), file('main.orchest')]);
tree = finishLoading(tree, 'data', [dir('data/raw'), file('data/readme.md')]);
tree = finishLoading(tree, 'data/raw', [file('data/raw/a.csv')]);
tree = setExpanded(setExpanded(tree, 'data', true), 'data/raw', true);
const rows = treeRows(tree);
const paths = rows.map((row) => row.entry.path);

describe('treeRows', () => {
  it('flattens open folders in display order with levels and positions', () => {
    expect(paths).toEqual(['data', 'data/raw', 'data/raw/a.csv', 'data/readme.md', 'src', 'main.orchest']);
    expect(rows.map((row) => row.level)).toEqual([1, 2, 3, 2, 1, 1]);
    expect(rows[3]).toMatchObject({ parent: 'data', posInSet: 2, setSize: 2, isFolder: false, expanded: false });
    expect(rows[4]).toMatchObject({ isFolder: true, expanded: false, loading: false });
  });

  it('shows a folder that is loading or failed on its own row', () => {
    const opening = startLoading(setExpanded(tree, 'src', true), 'src');
    expect(treeRows(opening).find((row) => row.entry.path === 'src')).toMatchObject({ expanded: true, loading: true });
    expect(treeRows(opening)).toHaveLength(rows.length); // no children until they arrive
  });
});

describe('treeKeyAction', () => {
  const act = (current: string, key: string) => treeKeyAction(rows, current, key);

  it('moves up, down, home and end', () => {
    expect(act('data', 'ArrowDown')).toEqual({ type: 'focus', path: 'data/raw' });
    expect(act('src', 'ArrowUp')).toEqual({ type: 'focus', path: 'data/readme.md' });
    expect(act('main.orchest', 'ArrowDown')).toBeUndefined();
    expect(act('src', 'Home')).toEqual({ type: 'focus', path: 'data' });
    expect(act('data', 'End')).toEqual({ type: 'focus', path: 'main.orchest' });
  });

  it('opens a closed folder, or steps into an open one', () => {
    expect(act('src', 'ArrowRight')).toEqual({ type: 'expand', path: 'src' });
    expect(act('data', 'ArrowRight')).toEqual({ type: 'focus', path: 'data/raw' });
    expect(act('main.orchest', 'ArrowRight')).toBeUndefined();
  });

  it('closes an open folder, or steps out to the parent', () => {
    expect(act('data/raw', 'ArrowLeft')).toEqual({ type: 'collapse', path: 'data/raw' });
    expect(act('data/raw/a.csv', 'ArrowLeft')).toEqual({ type: 'focus', path: 'data/raw' });
    expect(act('main.orchest', 'ArrowLeft')).toBeUndefined();
  });

  it('toggles folders with Enter and Space, and ignores other keys', () => {
    expect(act('src', 'Enter')).toEqual({ type: 'toggle', path: 'src' });
    expect(act('data', ' ')).toEqual({ type: 'toggle', path: 'data' });
    expect(act('main.orchest', 'Enter')).toBeUndefined();
    expect(act('data', 'a')).toBeUndefined();
  });

  it('lands on the first row when the focused one is gone', () => {
    expect(act('deleted.txt', 'ArrowDown')).toEqual({ type: 'focus', path: 'data' });
    expect(treeKeyAction([], 'x', 'ArrowDown')).toBeUndefined();
  });
});
