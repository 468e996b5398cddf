import type { Session } from '../../contract';

/** How long a run waits for the session's services before it runs its steps anyway (Orchest did not wait). */
export const SERVICE_WAIT_MS = 60_000;

/** The ports of the session's running services that do not accept connections yet, as `name:port`. */
export function silentPorts(session: Session): string[] {
  return session.services
    .filter((service) => service.state === 'running')
    .flatMap((service) => service.ports.filter((p) => !p.listening).map((p) => `${service.name}:${p.port}`));
}

/**
 * Waits until every port of the session's running services accepts connections, reporting what it
 * waits for; resolves with the ports still silent when the time is up or the signal aborts.
 */
export async function waitForServices(
  session: () => Promise<Session>,
  report: (silent: string[], waitedMs: number) => void,
  signal: AbortSignal,
  timeoutMs = SERVICE_WAIT_MS,
  pollMs = 250,
): Promise<string[]> {
  const since = Date.now();
  for (;;) {
    const silent = silentPorts(await session());
    const waited = Date.now() - since;
    if (silent.length === 0 || waited >= timeoutMs || signal.aborted) return silent;
    report(silent, waited);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
