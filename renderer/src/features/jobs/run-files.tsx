import { lazy, Suspense, useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import type { TextFile } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';
import { Button } from '../../components/button';
import { emptyTree, failLoading, finishLoading, loadedFolders, setExpanded, startLoading, type FileTree } from '../../stores/file-tree';
import { treeRows } from '../../stores/tree-rows';
import { TreeEntryLabel, treeRowDetail } from '../files/tree-entry-label';

const RunFileViewer = lazy(() => import('./run-file-viewer'));

export interface RunFilesProps {
  jobUuid: string;
  runUuid: string;
  /** Changes when the run's steps move on: the folders shown are read again. */
  version: string;
}

interface Opened {
  path: string;
  file: TextFile | undefined;
  error: string | undefined;
}

/** The files of the run's copy of the project (what its steps wrote beside the code), read-only: folders open, a text file shows. */
export function RunFiles({ jobUuid, runUuid, version }: RunFilesProps) {
  const [tree, setTree] = useState<FileTree>(emptyTree);
  const [opened, setOpened] = useState<Opened | undefined>();
  const treeRef = useRef(tree);
  treeRef.current = tree;

  const load = useCallback(
    (path: string) => {
      setTree((current) => startLoading(current, path));
      bridge.request('jobs.runFiles', { jobUuid, runUuid, path }).then(
        (entries) => setTree((current) => finishLoading(current, path, entries)),
        (error: unknown) => setTree((current) => failLoading(current, path, errorMessage(error))),
      );
    },
    [jobUuid, runUuid],
  );

  useEffect(() => {
    setTree(emptyTree);
    setOpened(undefined);
  }, [jobUuid, runUuid]);
  useEffect(() => {
    const folders = loadedFolders(treeRef.current);
    for (const folder of folders.length > 0 ? folders : ['']) load(folder);
  }, [load, version]);

  const open = (path: string) => {
    setOpened({ path, file: undefined, error: undefined });
    bridge.request('jobs.runFile', { jobUuid, runUuid, path }).then(
      (file) => setOpened((current) => (current?.path === path ? { path, file, error: undefined } : current)),
      (error: unknown) => setOpened((current) => (current?.path === path ? { path, file: undefined, error: errorMessage(error) } : current)),
    );
  };
  const toggle = (path: string) => {
    const expanded = !tree.expanded[path];
    setTree((current) => setExpanded(current, path, expanded));
    if (expanded) load(path);
  };

  const top = tree.folders[''];
  const rows = treeRows(tree);
  const name = opened?.path.split('/').pop() ?? '';
  return (
    <section className="job-panel run-files" aria-label="Files of the run">
      <h3 className="job-panel__title">Files</h3>
      <p className="muted">The run's copy of the project: its code and what its steps wrote beside it. Read-only.</p>
      {top?.error && <p className="callout callout--error">The files cannot be listed: {top.error}</p>}
      {top?.entries?.length === 0 && <p className="muted">No files (the run has not made its copy yet).</p>}
      {rows.length > 0 && (
        <div className="tree run-files__tree" role="tree" aria-label="Files of the run" data-testid="job-run-files">
          {rows.map((row) => {
            const { entry, isFolder, expanded, error } = row;
            const detail = treeRowDetail(row);
            return (
              <div
                key={entry.path}
                role="treeitem"
                className={`tree__row${error ? ' tree__row--error' : ''}`}
                style={{ '--level': row.level } as CSSProperties}
                aria-label={entry.name}
                aria-level={row.level}
                aria-expanded={isFolder ? expanded : undefined}
                aria-selected={opened?.path === entry.path}
                tabIndex={0}
                data-path={entry.path}
                data-kind={entry.kind}
                data-testid="job-run-file"
                onClick={() => (isFolder ? toggle(entry.path) : entry.kind === 'file' ? open(entry.path) : undefined)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' && event.key !== ' ') return;
                  event.preventDefault();
                  if (isFolder) toggle(entry.path);
                  else if (entry.kind === 'file') open(entry.path);
                }}
              >
                <TreeEntryLabel row={row} />
                {detail && <span className="tree__detail">{detail}</span>}
              </div>
            );
          })}
        </div>
      )}
      {opened && (
        <div className="run-files__file" data-testid="job-run-file-view">
          <div className="run-files__file-header">
            <code>{opened.path}</code>
            <Button size="small" variant="ghost" onClick={() => setOpened(undefined)}>
              Close
            </Button>
          </div>
          {opened.error && <p className="callout callout--error">{opened.error}</p>}
          {!opened.file && !opened.error && <p className="muted">Reading…</p>}
          {opened.file && (
            <Suspense fallback={<p className="muted">Opening…</p>}>
              <RunFileViewer key={opened.path} fileName={name} value={opened.file.content} label={`Contents of ${name}`} />
            </Suspense>
          )}
        </div>
      )}
    </section>
  );
}
