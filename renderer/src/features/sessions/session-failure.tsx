import type { Session } from '../../../../electron/contract';
import { Icon } from '../../components/icon';
import { failureReason } from './session-labels';

/** Why the start failed and which service failed it; the start was rolled back, so it can simply be tried again. */
export function SessionFailure({ error }: { error: Session['error'] }) {
  return (
    <div className="notice notice--error" role="alert" data-testid="session-failure">
      <Icon name="alert" />
      <div className="notice__text">
        <strong>The session could not start</strong>
        <span>
          {error?.service && (
            <>
              Service <code>{error.service}</code>:{' '}
            </>
          )}
          {error ? failureReason(error) : 'No reason was given.'}
        </span>
        <span className="session-failure__hint">What it had started was removed. Fix the cause, then start the session again.</span>
      </div>
    </div>
  );
}
