import { Icon } from '../../components/icon';

/**
 * Services run inside a pipeline's session, which reads them when it starts. When sessions exist, the
 * restart action for a running session belongs here, beside the notice.
 */
export function SessionNotice() {
  return (
    <p className="session-notice" data-testid="session-notice">
      <Icon name="refresh" />
      Changes take effect when the session (re)starts.
    </p>
  );
}
