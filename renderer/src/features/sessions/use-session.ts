import { useStore } from 'zustand';
import { sessionStore } from '../../stores/app-stores';
import { sessionKey, type SessionEntry } from '../../stores/session-store';

const UNKNOWN: SessionEntry = { session: undefined, pending: undefined, error: undefined };

/** What the window knows of the pipeline's session, re-rendering when it changes. */
export function useSession(projectId: string, path: string): SessionEntry {
  return useStore(sessionStore, (s) => s.entries[sessionKey(projectId, path)] ?? UNKNOWN);
}
