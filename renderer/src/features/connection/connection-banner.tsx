import { useStore } from 'zustand';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { connectionStore } from '../../stores/connection-store';

/** Shown once the host behind this page stopped: nothing else on the page can work until a reload. */
export function ConnectionBanner() {
  const lost = useStore(connectionStore, (s) => s.lost);
  if (!lost) return null;
  return (
    <div className="banner banner--error" role="alert" data-testid="connection-lost">
      <Icon name="alert" />
      <div className="banner__text">
        <strong>Lost the connection to Orchest Desktop</strong>
        <span>The host that served this page stopped. Start it again, then reload.</span>
      </div>
      <Button variant="primary" size="small" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </div>
  );
}
