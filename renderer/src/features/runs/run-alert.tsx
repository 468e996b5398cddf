import { Icon } from '../../components/icon';
import { useRun } from './use-run';

/** Why the window's last run request failed (e.g. an environment with no build yet, or a run going on). */
export function RunAlert() {
  const { error } = useRun();
  if (!error) return null;
  return (
    <p className="notice notice--error" role="alert" data-testid="run-error">
      <Icon name="alert" />
      <span className="notice__text">{error}</span>
    </p>
  );
}
