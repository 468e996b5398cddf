import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { errorMessage } from '../../bridge/request-error';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { appInfoStore, fileEditorStore, filesStore } from '../../stores/app-stores';
import { isDirty } from '../../stores/file-editor-store';
import { joinPath, parentOf } from '../../stores/files-store';
import type { TreeRow } from '../../stores/tree-rows';
import { DeleteEntryDialog } from './delete-entry-dialog';
import { EntryNameDialog } from './entry-name-dialog';
import { renameTarget } from './entry-words';
import { FileTree } from './file-tree';
import { FileView } from './file-view';

type FilesDialog = { name: 'new-file' | 'new-folder'; folder: string } | { name: 'rename' | 'delete'; path: string };

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const inWords = (folder: string) => (folder === '' ? 'the project folder' : `the folder ${folder}`);

/** The project's folder as a lazy tree beside the open file, with actions to create, rename, move and delete. */
export function FilesTab({ projectName }: { projectName: string }) {
  const projectId = useStore(filesStore, (s) => s.projectId);
  const root = useStore(filesStore, (s) => s.tree.folders['']);
  const tree = useStore(filesStore, (s) => s.tree);
  const selected = useStore(filesStore, (s) => s.selected);
  const toTrash = useStore(appInfoStore, (s) => s.info?.shell === 'electron');
  const [dialog, setDialog] = useState<FilesDialog>();
  const [actionError, setActionError] = useState<string>();

  useEffect(() => void appInfoStore.getState().load(), []);
  useEffect(() => {
    if (fileEditorStore.getState().projectId !== projectId) fileEditorStore.getState().close();
  }, [projectId]);

  if (!projectId || !root || (root.loading && !root.entries)) return <p className="muted">Loading files…</p>;
  if (root.error && !root.entries) {
    return (
      <div className="callout callout--error" role="alert" data-testid="files-error">
        <p>The project's files cannot be listed: {root.error}</p>
        <Button size="small" onClick={() => void filesStore.getState().load('')}>
          <Icon name="refresh" />
          Try again
        </Button>
      </div>
    );
  }

  const files = filesStore.getState();
  const selectedIsFolder = selected !== undefined && isFolderPath(tree, selected);
  const targetFolder = selected === undefined ? '' : selectedIsFolder ? selected : parentOf(selected);

  const activate = (row: TreeRow) => {
    files.select(row.entry.path);
    if (row.isFolder) return files.toggle(row.entry.path);
    const editor = fileEditorStore.getState();
    if (editor.path === row.entry.path) return;
    if (isDirty(editor.file) && !window.confirm(`Discard the unsaved changes to ${editor.path}?`)) return;
    void editor.open(projectId, row.entry.path);
  };

  const move = (from: string, folder: string) => {
    const to = joinPath(folder, baseName(from));
    // Dropped where it already is, or on itself: nothing to do.
    if (to === from || folder === from) return;
    setActionError(undefined);
    files.move(from, to).then(
      () => fileEditorStore.getState().moved(from, to),
      (error: unknown) => setActionError(`${from} was not moved: ${errorMessage(error)}`),
    );
  };

  const onKey = (key: string, row: TreeRow) => {
    if (key === 'F2') setDialog({ name: 'rename', path: row.entry.path });
    else if (key === 'Delete') setDialog({ name: 'delete', path: row.entry.path });
    else return false;
    files.select(row.entry.path);
    return true;
  };

  return (
    <div className="files">
      <div className="files__side">
        <div className="files__toolbar" role="toolbar" aria-label="File actions">
          <Button size="small" onClick={() => setDialog({ name: 'new-file', folder: targetFolder })}>
            <Icon name="plus" />
            New file
          </Button>
          <Button size="small" onClick={() => setDialog({ name: 'new-folder', folder: targetFolder })}>
            <Icon name="folder" />
            New folder
          </Button>
          <Button size="small" disabled={!selected} onClick={() => selected && setDialog({ name: 'rename', path: selected })}>
            Rename
          </Button>
          <Button size="small" disabled={!selected} onClick={() => selected && setDialog({ name: 'delete', path: selected })}>
            <Icon name="trash" />
            Delete
          </Button>
        </div>
        {actionError && (
          <div className="callout callout--error files__error" role="alert">
            <p>{actionError}</p>
            <Button size="small" variant="ghost" onClick={() => setActionError(undefined)}>
              Dismiss
            </Button>
          </div>
        )}
        {root.entries?.length === 0 ? (
          <EmptyState title="No files yet" icon={<Icon name="file" size={32} />} testId="no-files">
            <p>Files you add to the project's folder show up here as they appear.</p>
          </EmptyState>
        ) : (
          <FileTree label={`Files of ${projectName}`} onActivate={activate} onMove={move} onKey={onKey} />
        )}
      </div>
      <FileView projectId={projectId} />
      {dialog?.name === 'new-file' || dialog?.name === 'new-folder' ? (
        <EntryNameDialog
          label={dialog.name === 'new-file' ? 'New file' : 'New folder'}
          lead={`In ${inWords(dialog.folder)}.`}
          initial=""
          submitLabel="Create"
          onSubmit={async (name) => {
            const entry = await files.create(dialog.name === 'new-file' ? 'file' : 'folder', dialog.folder, name);
            if (entry.kind === 'file') void fileEditorStore.getState().open(projectId, entry.path);
          }}
          onClose={() => setDialog(undefined)}
        />
      ) : dialog?.name === 'rename' ? (
        <EntryNameDialog
          label="Rename"
          lead={`${dialog.path}, in ${inWords(parentOf(dialog.path))}.`}
          initial={baseName(dialog.path)}
          submitLabel="Rename"
          allowPath
          hint="A path with / moves it, from the project folder: data/raw.csv"
          onSubmit={async (name) => {
            const to = renameTarget(dialog.path, name);
            await files.move(dialog.path, to);
            fileEditorStore.getState().moved(dialog.path, to);
          }}
          onClose={() => setDialog(undefined)}
        />
      ) : dialog?.name === 'delete' ? (
        <DeleteEntryDialog
          path={dialog.path}
          toTrash={toTrash}
          onDeleted={() => fileEditorStore.getState().removed(dialog.path)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </div>
  );
}

/** Whether a path is a folder the tree has listed (its parent's listing says so). */
function isFolderPath(tree: ReturnType<typeof filesStore.getState>['tree'], path: string): boolean {
  return tree.folders[parentOf(path)]?.entries?.some((e) => e.path === path && e.kind === 'directory') ?? false;
}
