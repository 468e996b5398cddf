import { useStore } from 'zustand';
import { dialogStore } from '../../app/dialog-store';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { workspaceStore } from '../../stores/app-stores';

/** Says plainly when the workspace folder cannot be used, and where to change it. */
export function WorkspaceAlert() {
  const status = useStore(workspaceStore, (s) => s.status);
  const error = useStore(workspaceStore, (s) => s.error);
  const message = status?.error ?? error;
  if (!message) return null;
  return (
    <div className="banner banner--warning" role="alert" data-testid="workspace-error">
      <Icon name="alert" />
      <div className="banner__text">
        <strong>The workspace folder cannot be used</strong>
        <span>{message}</span>
      </div>
      <Button size="small" onClick={() => dialogStore.getState().show({ name: 'settings' })}>
        Change workspace
      </Button>
    </div>
  );
}
