import { lazy, Suspense, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { errorMessage } from '../../bridge/request-error';
import { appInfoStore, fileEditorStore } from '../../stores/app-stores';
import { isDirty } from '../../stores/file-editor-store';
import { saveDownload } from './save-download';

// CodeMirror and the markdown renderer are most of the bundle: loaded when a file is first opened.
const TextEditor = lazy(() => import('./text-editor'));
const NotebookPane = lazy(() => import('./notebook-pane'));

const isNotebook = (path: string) => path.toLowerCase().endsWith('.ipynb');

/** The open file: an editor for text, a rendered notebook, or Download for what is not opened here. */
export function FileView({ projectId }: { projectId: string }) {
  const path = useStore(fileEditorStore, (s) => s.path);
  const file = useStore(fileEditorStore, (s) => s.file);
  const desktop = useStore(appInfoStore, (s) => s.info?.shell === 'electron');
  // Kept with the file it is about, so that another file opens without it.
  const [failed, setFailed] = useState<{ path: string; message: string }>();

  if (!path || !file) {
    return (
      <p className="files__placeholder muted" data-testid="file-placeholder">
        Select a file to open it.
      </p>
    );
  }
  const name = path.slice(path.lastIndexOf('/') + 1);
  const editable = file.status === 'text' && !isNotebook(path);
  const dirty = isDirty(file);
  const editor = fileEditorStore.getState();
  const actionError = failed?.path === path ? failed.message : undefined;
  const act = (action: () => Promise<void>) => {
    setFailed(undefined);
    action().catch((error: unknown) => setFailed({ path, message: errorMessage(error) }));
  };
  const download = () => act(async () => {
    const { name: saved, bytes } = await editor.download(projectId, path);
    saveDownload(saved, bytes);
  });

  // Download, and in the desktop app the system's application: for any file, and the only ways for one not opened here.
  const otherWays = (size: 'small' | 'normal') => (
    <>
      <Button size={size} onClick={download}>
        Download
      </Button>
      {desktop && (
        <Button size={size} onClick={() => act(() => editor.openWithSystem(projectId, path))}>
          Open with system app
        </Button>
      )}
    </>
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (editable) void editor.save();
    }
  };

  return (
    <section className="file-view" aria-label={`File ${path}`} data-testid="file-view" onKeyDown={onKeyDown}>
      <header className="file-view__header">
        <h2 className="file-view__path" title={path}>
          {path}
          {dirty && <span className="file-view__dirty"> (unsaved)</span>}
        </h2>
        <div className="file-view__actions">
          {editable && (
            <Button
              size="small"
              variant="primary"
              disabled={!dirty || file.saving}
              aria-busy={file.saving || undefined}
              onClick={() => void editor.save()}
              title="Save (Ctrl+S)"
            >
              Save
            </Button>
          )}
          {file.status !== 'unreadable' && otherWays('small')}
        </div>
      </header>
      {actionError && (
        <p className="callout callout--error" role="alert">
          {actionError}
        </p>
      )}
      {file.status === 'text' && file.conflict && (
        <div className="callout callout--error file-view__conflict" role="alert" data-testid="file-conflict">
          <p>
            <Icon name="alert" /> {name} changed on disk since it was read. Reload it (your edits are lost) or overwrite
            the change with your version.
          </p>
          <div className="file-view__conflict-actions">
            <Button size="small" onClick={() => void editor.reload()}>
              Reload
            </Button>
            <Button size="small" variant="danger" onClick={() => void editor.save(true)}>
              Overwrite
            </Button>
          </div>
        </div>
      )}
      {file.status === 'text' && file.error && (
        <p className="callout callout--error" role="alert">
          {name} was not saved: {file.error}
        </p>
      )}
      <div className="file-view__body">
        {file.status === 'loading' && <p className="muted">Loading {name}…</p>}
        {file.status === 'error' && (
          <p className="callout callout--error" role="alert">
            {file.message}
          </p>
        )}
        {file.status === 'unreadable' && (
          <div className="callout file-view__unreadable" data-testid="file-unreadable">
            <p>
              {file.reason === 'too-big'
                ? `${name} is too big to open here (over 5 MB).`
                : `${name} is a binary file, not text.`}{' '}
              Download it{desktop ? ' or open it with the system application' : ''} instead.
            </p>
            <div className="file-view__conflict-actions">{otherWays('normal')}</div>
          </div>
        )}
        {file.status === 'text' && (
          <Suspense fallback={<p className="muted">Loading the editor…</p>}>
            {isNotebook(path) ? (
              <NotebookPane text={file.saved} label={`Notebook ${name}`} />
            ) : (
              <TextEditor key={path} fileName={name} value={file.draft} onChange={editor.edit} label={`Contents of ${name}`} />
            )}
          </Suspense>
        )}
      </div>
    </section>
  );
}
