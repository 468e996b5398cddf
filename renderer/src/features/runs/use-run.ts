import { useStore } from 'zustand';
import { runStore } from '../../stores/app-stores';
import type { RunState } from '../../stores/run-store';

/** The open pipeline's latest run and the window's request about it, re-rendering when they change. */
export function useRun(): Pick<RunState, 'run' | 'pending' | 'error'> {
  const run = useStore(runStore, (s) => s.run);
  const pending = useStore(runStore, (s) => s.pending);
  const error = useStore(runStore, (s) => s.error);
  return { run, pending, error };
}
