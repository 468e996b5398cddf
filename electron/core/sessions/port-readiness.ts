import type { Session } from '../../contract';
import type { Disposable } from '../app-error';
import { probePort } from '../docker/port-probe';

const PROBE_EVERY_MS = 1_000;
/** After this long without a listener, the service says which port is silent. */
const SILENT_AFTER_MS = 30_000;

/** Probes the published ports of a running session's services until each accepts connections. */
export class PortReadiness implements Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly since = Date.now();
  private disposed = false;

  constructor(
    private readonly session: () => Session,
    private readonly changed: () => void,
    private readonly probe: (port: number) => Promise<boolean> = probePort,
  ) {}

  start(): void {
    if (!this.disposed && !this.timer) this.timer = setTimeout(() => void this.round(), 0);
  }

  private async round(): Promise<void> {
    const waiting = this.session().services.filter((s) => s.state === 'running' && s.ports.some((p) => !p.listening));
    let changed = false;
    await Promise.all(
      waiting.map(async (service) => {
        for (const port of service.ports) {
          if (port.listening || port.hostPort === null) continue;
          if (await this.probe(port.hostPort)) {
            port.listening = true;
            changed = true;
          }
        }
        const silent = service.ports.filter((p) => !p.listening).map((p) => p.port);
        const message = silent.length > 0 && Date.now() - this.since > SILENT_AFTER_MS ? silenceMessage(silent) : undefined;
        if (message !== service.message && (message || service.message?.startsWith(SILENCE))) {
          service.message = message;
          changed = true;
        }
      }),
    );
    if (this.disposed) return;
    if (changed) this.changed();
    this.timer = setTimeout(() => void this.round(), PROBE_EVERY_MS);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }
}

const SILENCE = 'No connection accepted on port';

function silenceMessage(ports: number[]): string {
  const list = ports.join(', ');
  return `${SILENCE}${ports.length > 1 ? 's' : ''} ${list} after ${SILENT_AFTER_MS / 1000} s: does the image listen on ${ports.length > 1 ? 'them' : 'it'}?`;
}
