import { createStore } from 'zustand/vanilla';
import type { BridgeClient, Session } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';

export type SessionAction = 'start' | 'stop' | 'restart';

/** What the window knows of one pipeline's session. */
export interface SessionEntry {
  /** The last state the main process told; undefined until the first answer. */
  session: Session | undefined;
  /** The request this window sent and is waiting on. */
  pending: SessionAction | undefined;
  /** Why the last request failed (reading, starting, stopping or restarting), in words. */
  error: string | undefined;
}

export interface SessionState {
  entries: Readonly<Record<string, SessionEntry>>;
  load(projectId: string, path: string): Promise<void>;
  startSession(projectId: string, path: string): Promise<void>;
  stopSession(projectId: string, path: string): Promise<void>;
  restartSession(projectId: string, path: string): Promise<void>;
  /** Loads every live session and follows `sessions.changed`; returns the unsubscribe. */
  start(): () => void;
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** One session per (project, pipeline file). */
export function sessionKey(projectId: string, path: string): string {
  return `${projectId}:${path}`;
}

const EMPTY: SessionEntry = { session: undefined, pending: undefined, error: undefined };

const FAILED_TO: Record<SessionAction | 'load', string> = {
  load: 'The session cannot be read',
  start: 'The session could not be started',
  stop: 'The session could not be stopped',
  restart: 'The session could not be restarted',
};

/** Sessions of the pipelines this window looked at, kept current by the main process's events. */
export function createSessionStore(bridge: BridgeClient) {
  // Bumped by every news of a key: an answer is kept only when no event about its key came while it ran.
  const versions = new Map<string, number>();
  const bump = (key: string) => versions.set(key, (versions.get(key) ?? 0) + 1);
  const keyOf = (session: Session) => sessionKey(session.projectId, session.pipelinePath);

  return createStore<SessionState>()((set, get) => {
    const patch = (key: string, change: Partial<SessionEntry>) =>
      set((state) => ({ entries: { ...state.entries, [key]: { ...(state.entries[key] ?? EMPTY), ...change } } }));
    const received = (session: Session) => {
      const key = keyOf(session);
      bump(key);
      patch(key, { session });
    };

    const act = async (action: SessionAction, projectId: string, path: string) => {
      const key = sessionKey(projectId, path);
      if (get().entries[key]?.pending) return;
      patch(key, { pending: action, error: undefined });
      const before = versions.get(key);
      try {
        const session = await bridge.request(`sessions.${action}`, { projectId, path });
        if (versions.get(key) === before) received(session);
        patch(key, { pending: undefined });
      } catch (error) {
        patch(key, { pending: undefined, error: `${FAILED_TO[action]}: ${errorMessage(error)}` });
      }
    };

    return {
      entries: {},

      async load(projectId, path) {
        const key = sessionKey(projectId, path);
        const before = versions.get(key);
        try {
          const session = await bridge.request('sessions.get', { projectId, path });
          if (versions.get(key) !== before) return;
          received(session);
          patch(key, { error: undefined });
        } catch (error) {
          if (versions.get(key) === before) patch(key, { error: `${FAILED_TO.load}: ${errorMessage(error)}` });
        }
      },

      startSession: (projectId, path) => act('start', projectId, path),
      stopSession: (projectId, path) => act('stop', projectId, path),
      restartSession: (projectId, path) => act('restart', projectId, path),

      start() {
        const off = bridge.on('sessions.changed', received);
        const before = new Map(versions);
        const unchanged = (session: Session) => versions.get(keyOf(session)) === before.get(keyOf(session));
        bridge.request('sessions.list', {}).then((sessions) => sessions.filter(unchanged).forEach(received), () => undefined);
        return off;
      },
    };
  });
}
