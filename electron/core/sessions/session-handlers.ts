import type { Handlers } from '../../bridge/bridge-server';
import type { SessionManager } from './session-manager';

type SessionHandlers = Pick<
  Handlers,
  | 'sessions.list'
  | 'sessions.get'
  | 'sessions.start'
  | 'sessions.stop'
  | 'sessions.restart'
  | 'sessions.restartService'
  | 'sessions.stats'
  | 'sessions.watchStats'
  | 'sessions.unwatchStats'
>;

export function sessionHandlers(sessions: SessionManager): SessionHandlers {
  return {
    'sessions.list': () => sessions.list(),
    'sessions.get': ({ projectId, path }) => sessions.get(projectId, path),
    'sessions.start': ({ projectId, path, wait }) => sessions.start(projectId, path, wait),
    'sessions.stop': ({ projectId, path, wait }) => sessions.stop(projectId, path, wait),
    'sessions.restart': ({ projectId, path, wait }) => sessions.restart(projectId, path, wait),
    'sessions.restartService': ({ projectId, path, service }) => sessions.restartService(projectId, path, service),
    'sessions.stats': ({ projectId, path }) => sessions.stats(projectId, path),
    'sessions.watchStats': async ({ projectId, path }, caller) => {
      const streams = await sessions.watchStats(projectId, path, (service, stats) => caller.emit('sessions.stats', { projectId, path, service, stats }));
      caller.own(`stats:${projectId}:${path}`, streams);
      return { ok: true };
    },
    'sessions.unwatchStats': ({ projectId, path }, caller) => {
      caller.release(`stats:${projectId}:${path}`);
      return { ok: true };
    },
  };
}
