import type { Handlers } from '../../bridge/bridge-server';
import type { SessionManager } from './session-manager';

type SessionHandlers = Pick<
  Handlers,
  'sessions.list' | 'sessions.get' | 'sessions.start' | 'sessions.stop' | 'sessions.restart' | 'sessions.restartService'
>;

export function sessionHandlers(sessions: SessionManager): SessionHandlers {
  return {
    'sessions.list': () => sessions.list(),
    'sessions.get': ({ projectId, path }) => sessions.get(projectId, path),
    'sessions.start': ({ projectId, path, wait }) => sessions.start(projectId, path, wait),
    'sessions.stop': ({ projectId, path, wait }) => sessions.stop(projectId, path, wait),
    'sessions.restart': ({ projectId, path, wait }) => sessions.restart(projectId, path, wait),
    'sessions.restartService': ({ projectId, path, service }) => sessions.restartService(projectId, path, service),
  };
}
