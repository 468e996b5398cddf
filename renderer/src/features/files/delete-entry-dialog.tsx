import { useEffect, useState } from 'react';
import type { EntrySummary } from '../../../../electron/contract';
import { errorMessage } from '../../bridge/request-error';
import { ConfirmDeleteDialog } from '../../components/confirm-delete-dialog';
import { filesStore } from '../../stores/app-stores';
import { contentsInWords } from './entry-words';

export interface DeleteEntryDialogProps {
  path: string;
  /** The desktop app moves to the system's trash; the browser deletes for good. */
  toTrash: boolean;
  onDeleted(): void;
  onClose(): void;
}

/** Names what goes (a folder: with how many files) before anything is deleted. */
export function DeleteEntryDialog({ path, toTrash, onDeleted, onClose }: DeleteEntryDialogProps) {
  const [summary, setSummary] = useState<EntrySummary>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    filesStore.getState().describe(path).then(setSummary, (error: unknown) => setProblem(errorMessage(error)));
  }, [path]);

  const what =
    summary?.kind === 'directory'
      ? `the folder ${path} and everything in it (${contentsInWords(summary)})`
      : summary?.kind === 'symlink'
        ? `the link ${path} (not what it leads to)`
        : `the file ${path}`;
  const how = toTrash ? 'It goes to the system’s trash.' : 'This cannot be undone.';

  return (
    <ConfirmDeleteDialog
      label={summary?.kind === 'directory' ? 'Delete folder' : 'Delete file'}
      testId="delete-entry-dialog"
      remove={async () => {
        await filesStore.getState().remove(path);
        onDeleted();
      }}
      onClose={onClose}
    >
      {problem ?? (summary ? `Delete ${what}? ${how}` : `Counting what is in ${path}…`)}
    </ConfirmDeleteDialog>
  );
}
