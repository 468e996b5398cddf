import type { BuildStatus, ServicePort, SessionService, SessionStatus } from '../../../../electron/contract';

/** StatusPill's tones, plus `busy` for a change under way and `warn` for what stopped on its own. */
export type SessionTone = 'ok' | 'error' | 'neutral' | 'busy' | 'warn';

/** The tone of each of Orchest's states of a build, a run and a step. */
export const STATUS_TONES: Record<BuildStatus, SessionTone> = {
  PENDING: 'busy',
  STARTED: 'busy',
  SUCCESS: 'ok',
  FAILURE: 'error',
  ABORTED: 'warn',
};

export interface SessionLabel {
  tone: SessionTone;
  text: string;
}

const STATUS_LABELS: Record<SessionStatus, SessionLabel> = {
  LAUNCHING: { tone: 'busy', text: 'Session starting…' },
  RUNNING: { tone: 'ok', text: 'Session running' },
  STOPPING: { tone: 'busy', text: 'Session stopping…' },
  STOPPED: { tone: 'neutral', text: 'Session stopped' },
  FAILED: { tone: 'error', text: 'Session failed' },
};

export function sessionStatusLabel(status: SessionStatus | undefined): SessionLabel {
  return status ? STATUS_LABELS[status] : { tone: 'neutral', text: 'Checking session…' };
}

type ServiceFacts = Pick<SessionService, 'state' | 'exitCode' | 'oomKilled' | 'restartCount' | 'health'>;

export function serviceStateLabel(service: ServiceFacts): SessionLabel {
  switch (service.state) {
    case 'pending':
      return { tone: 'neutral', text: 'pending' };
    case 'pulling':
      return { tone: 'busy', text: 'pulling image' };
    case 'starting':
      return { tone: 'busy', text: 'starting' };
    case 'running':
      return runningLabel(service.health);
    case 'restarting':
      return { tone: 'busy', text: `restarting${service.restartCount ? ` (${service.restartCount})` : ''}` };
    case 'crash-looping': {
      const code = service.exitCode === undefined ? '' : `code ${service.exitCode}, `;
      return { tone: 'error', text: `crash-looping (${code}${service.restartCount ?? 0} restarts)` };
    }
    case 'stopping':
      return { tone: 'busy', text: 'stopping' };
    case 'failed':
      return { tone: 'error', text: 'failed' };
    case 'removed':
      return { tone: 'error', text: 'removed' };
    case 'exited': {
      const why = [service.exitCode === undefined ? '' : `code ${service.exitCode}`, service.oomKilled ? 'OOM killed' : ''].filter(Boolean);
      return { tone: service.exitCode === 0 && !service.oomKilled ? 'warn' : 'error', text: `exited${why.length ? ` (${why.join(', ')})` : ''}` };
    }
  }
}

function runningLabel(health: SessionService['health']): SessionLabel {
  if (health === 'unhealthy') return { tone: 'warn', text: 'running, unhealthy' };
  if (health === 'starting') return { tone: 'busy', text: 'running, health starting' };
  return { tone: 'ok', text: health === 'healthy' ? 'running, healthy' : 'running' };
}

/** `8000 → 127.0.0.1:49153`, or what is missing before the port is published. */
export function portMapping(port: ServicePort): string {
  return port.hostPort === null ? `${port.port} → not published yet` : `${port.port} → 127.0.0.1:${port.hostPort}`;
}

/** The session is on its way up, up, or on its way down: it can be stopped. */
export function isLive(status: SessionStatus | undefined): boolean {
  return status === 'LAUNCHING' || status === 'RUNNING' || status === 'STOPPING';
}

/** The reason without a leading `<service>: `, as the alert names the service itself. */
export function failureReason(error: { message: string; service?: string | undefined }): string {
  const prefix = `${error.service}: `;
  return error.service && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
