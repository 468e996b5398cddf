import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { runStore, stepsEditorStore } from '../../stores/app-stores';
import { isRunLive } from '../../stores/run-store';
import { SessionPill } from '../sessions/session-pill';
import { runStatusLabel } from './run-labels';
import { useRun } from './use-run';

/** The latest run's state and what it is doing, with Run (every step) or, while it goes on, Cancel run. */
export function RunControls() {
  const { run, pending } = useRun();
  const live = isRunLive(run);
  const runs = runStore.getState();

  return (
    <div className="run-controls" role="group" aria-label="Run">
      {run && <SessionPill label={runStatusLabel(run.status)} announce testId="run-status" />}
      {run?.message && (
        <span className="run-controls__message" title={run.message} data-testid="run-message">
          {run.message}
        </span>
      )}
      {/* One element for Run and Cancel run, so focus stays on it when the run changes. Edits of the steps are saved first. */}
      <Button
        key="toggle"
        size="small"
        onClick={() => void (live ? runs.cancel() : stepsEditorStore.getState().flush().then(() => runs.start('all')))}
        disabled={pending !== undefined}
        aria-busy={pending !== undefined || undefined}
        title={live ? 'Stop the run: its unfinished steps end ABORTED' : 'Run every step, starting the session first when it does not run'}
      >
        <Icon name={live ? 'stop' : 'play'} />
        {live ? 'Cancel run' : 'Run'}
      </Button>
    </div>
  );
}
