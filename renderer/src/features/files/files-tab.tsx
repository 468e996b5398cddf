import { useStore } from 'zustand';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { filesStore } from '../../stores/app-stores';
import { FileTree } from './file-tree';

/** The project's folder as a lazy tree; states for loading, failure and an empty folder. */
export function FilesTab({ projectName }: { projectName: string }) {
  const root = useStore(filesStore, (s) => s.tree.folders['']);

  if (!root || (root.loading && !root.entries)) return <p className="muted">Loading files…</p>;
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
  if (root.entries?.length === 0) {
    return (
      <EmptyState title="No files yet" icon={<Icon name="file" size={32} />} testId="no-files">
        <p>Files you add to the project's folder show up here as they appear.</p>
      </EmptyState>
    );
  }
  return <FileTree label={`Files of ${projectName}`} />;
}
