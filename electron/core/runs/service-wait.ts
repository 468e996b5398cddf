import type { Session } from '../../contract';

/** How long a run waits for the session's services before it runs its steps anyway (Orchest did not wait). */
export const SERVICE_WAIT_MS = 60_000;

/** What a run waits for: the ports that accept no connection yet (`name:port`), and the services not yet healthy. */
export interface Unready {
  ports: string[];
  unhealthy: string[];
}

/**
 * Of the session's running services: those with a HEALTHCHECK until it says healthy, the others until
 * each of their ports accepts connections.
 */
export function unreadyServices(session: Session): Unready {
  const running = session.services.filter((service) => service.state === 'running');
  return {
    ports: running.filter((s) => !s.health).flatMap((s) => s.ports.filter((p) => !p.listening).map((p) => `${s.name}:${p.port}`)),
    unhealthy: running.filter((s) => s.health && s.health !== 'healthy').map((s) => s.name),
  };
}

export const isReady = ({ ports, unhealthy }: Unready): boolean => ports.length === 0 && unhealthy.length === 0;

/** `redis:6379 to accept connections and db to be healthy` */
export function describeUnready({ ports, unhealthy }: Unready): string {
  const parts = [ports.length ? `${ports.join(', ')} to accept connections` : '', unhealthy.length ? `${unhealthy.join(', ')} to be healthy` : ''];
  return parts.filter(Boolean).join(' and ');
}

/**
 * Waits until the session's running services are ready (unreadyServices), reporting what it waits
 * for; resolves with what is still not ready when the time is up or the signal aborts.
 */
export async function waitForServices(
  session: () => Promise<Session>,
  report: (unready: Unready, waitedMs: number) => void,
  signal: AbortSignal,
  timeoutMs = SERVICE_WAIT_MS,
  pollMs = 250,
): Promise<Unready> {
  const since = Date.now();
  for (;;) {
    const unready = unreadyServices(await session());
    const waited = Date.now() - since;
    if (isReady(unready) || waited >= timeoutMs || signal.aborted) return unready;
    report(unready, waited);
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
