import { useSession } from '../sessions/use-session';

/** Which of the shown logs the app cannot write now (a full disk), from the session's own word. */
export function LogsNotWritten({ projectId, path, sources }: { projectId: string; path: string; sources: string[] }) {
  const { session } = useSession(projectId, path);
  const failing = session?.services.filter((s) => s.logsNotWritten && sources.includes(s.name)) ?? [];
  if (failing.length === 0) return null;
  return (
    <p className="notice notice--error" role="alert" data-testid="logs-not-written">
      {failing.map((s) => `The log of ${s.name} is not being written: ${s.logsNotWritten}. Its lines are lost until there is room.`).join(' ')}
    </p>
  );
}
