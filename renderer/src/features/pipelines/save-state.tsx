import { useStore } from 'zustand';
import { Button } from '../../components/button';
import { stepsEditorStore } from '../../stores/app-stores';

const WORDS = { saved: 'Saved', pending: 'Not saved yet', saving: 'Saving…', failed: 'Not saved', conflict: 'Not saved' } as const;

/** Whether the edits are in the file; when the file changed on disk meanwhile, the choice between its version and ours. */
export function SaveState() {
  const status = useStore(stepsEditorStore, (s) => s.status);
  const error = useStore(stepsEditorStore, (s) => s.error);
  const editor = stepsEditorStore.getState();
  return (
    <>
      <span className="save-state muted" role="status" data-testid="save-state" data-status={status}>
        {WORDS[status]}
      </span>
      {status === 'conflict' && (
        <div className="notice notice--warning save-conflict" role="alert" data-testid="save-conflict">
          <div className="notice__text">
            <strong>The pipeline file changed on disk</strong>
            <span>Reload drops the edits made here; Overwrite writes them over the file's new version.</span>
          </div>
          <Button size="small" onClick={() => void editor.reload()}>
            Reload
          </Button>
          <Button size="small" variant="danger" onClick={() => void editor.overwrite()}>
            Overwrite
          </Button>
        </div>
      )}
      {status === 'failed' && error && (
        <p className="field__error" role="alert" data-testid="save-error">
          {error}
        </p>
      )}
    </>
  );
}
