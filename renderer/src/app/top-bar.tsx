import { Button } from '../components/button';
import { Icon } from '../components/icon';
import { EngineStatus } from '../features/engine/engine-status';
import { dialogStore } from './dialog-store';

export function TopBar() {
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="topbar__mark" aria-hidden="true" />
        <span className="topbar__name">Orchest Desktop</span>
      </div>
      <div className="topbar__end">
        <EngineStatus />
        <Button variant="ghost" size="small" onClick={() => dialogStore.getState().show({ name: 'settings' })}>
          <Icon name="settings" />
          Settings
        </Button>
      </div>
    </header>
  );
}
