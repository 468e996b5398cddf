import type { Handlers } from '../../bridge/bridge-server';
import type { RunManager } from './run-manager';

type RunHandlers = Pick<Handlers, 'runs.start' | 'runs.get' | 'runs.cancel'>;

export function runHandlers(runs: RunManager): RunHandlers {
  return {
    'runs.start': ({ projectId, path, selection, steps, wait }) => runs.start(projectId, path, selection, steps, wait),
    'runs.get': ({ projectId, path }) => runs.get(projectId, path),
    'runs.cancel': ({ projectId, path, wait }) => runs.cancel(projectId, path, wait),
  };
}
