import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { runStore, stepsEditorStore } from '../../stores/app-stores';
import { isRunLive } from '../../stores/run-store';
import { useRun } from './use-run';

export interface RunSelectionBarProps {
  selected: readonly string[];
  onClear(): void;
}

/** Above the graph: how to pick steps, or the picked ones' count with Run selected and Run selected and after. */
export function RunSelectionBar({ selected, onClear }: RunSelectionBarProps) {
  const { run, pending } = useRun();
  const busy = pending !== undefined || isRunLive(run);
  const runs = runStore.getState();
  // A run reads the file: edits of the steps still waiting for their save go first.
  const start = (scope: 'selected' | 'descendants') => void stepsEditorStore.getState().flush().then(() => runs.start(scope, selected));
  if (selected.length === 0) {
    return <p className="run-selection run-selection__hint muted">Click a step to select it, Shift- or Ctrl-click for more; then run only those.</p>;
  }
  return (
    <div className="run-selection" role="toolbar" aria-label="Selected steps">
      <span className="run-selection__count" data-testid="selected-steps">
        {selected.length === 1 ? '1 step selected' : `${selected.length} steps selected`}
      </span>
      <Button size="small" onClick={() => start('selected')} disabled={busy} title="Run only the selected steps">
        <Icon name="play" />
        Run selected
      </Button>
      <Button size="small" onClick={() => start('descendants')} disabled={busy} title="Run the selected steps and every step after them">
        <Icon name="play" />
        Run selected and after
      </Button>
      <Button size="small" variant="ghost" onClick={onClear} title="Clear the selection (Escape)">
        Clear selection
      </Button>
    </div>
  );
}
