import { z } from 'zod';
import { PipelinePath } from './pipeline-schemas';
import { ProjectId } from './schemas';

/** Orchest's session states, plus STOPPED (no session) and FAILED (a start that was rolled back). */
export const SessionStatus = z.enum(['LAUNCHING', 'RUNNING', 'STOPPING', 'STOPPED', 'FAILED']);
export type SessionStatus = z.infer<typeof SessionStatus>;

/**
 * What one service's container is doing: the engine's word once it exists (`restarting` while Docker
 * restarts it after a failure, `crash-looping` when it keeps failing soon after each start, `removed`
 * when it was removed from outside).
 */
export const ServiceState = z.enum([
  'pending',
  'pulling',
  'starting',
  'running',
  'restarting',
  'crash-looping',
  'exited',
  'removed',
  'failed',
  'stopping',
]);
export type ServiceState = z.infer<typeof ServiceState>;

export const ServicePort = z.object({
  port: z.number().int(),
  /** The port published on 127.0.0.1; null until the container runs. */
  hostPort: z.number().int().nullable(),
  /** Whether the port accepts TCP connections (checked while the session runs). */
  listening: z.boolean(),
  /** The clean address of the port through the app's proxy, for exposed services while they run. */
  url: z.string().optional(),
  /** `127.0.0.1:<host port>` for the ports of services that are not exposed, for a person's own tools. */
  tcp: z.string().optional(),
});
export type ServicePort = z.infer<typeof ServicePort>;

export const SessionService = z.object({
  name: z.string(),
  containerName: z.string(),
  internalHostname: z.string(),
  image: z.string(),
  /** Orchest's proxy settings of the service, as the session was started with them. */
  exposed: z.boolean(),
  requiresAuthentication: z.boolean(),
  preserveBasePath: z.boolean(),
  state: ServiceState,
  /** Exit code of a container that stopped on its own. */
  exitCode: z.number().int().optional(),
  /** The kernel killed it for want of memory. */
  oomKilled: z.boolean().optional(),
  /** How often Docker has restarted it. */
  restartCount: z.number().int().optional(),
  /** When it last started and last stopped (RFC 3339), as the engine says. */
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** Why its log is not being written (`no space left on device`); its lines are lost meanwhile. */
  logsNotWritten: z.string().optional(),
  /** Its image's HEALTHCHECK verdict, where it has one. */
  health: z.enum(['starting', 'healthy', 'unhealthy']).optional(),
  /** Progress (a pull) or what went wrong, in words. */
  message: z.string().optional(),
  ports: z.array(ServicePort),
});
export type SessionService = z.infer<typeof SessionService>;

export const Session = z.object({
  projectId: ProjectId,
  pipelineUuid: z.string(),
  pipelinePath: PipelinePath,
  sessionUuid: z.string(),
  status: SessionStatus,
  /** Why the session FAILED, and which service failed when one did. */
  error: z.object({ message: z.string(), service: z.string().optional() }).optional(),
  services: z.array(SessionService),
});
export type Session = z.infer<typeof Session>;

/** What a running service uses now, from Docker's stats (as Docker Desktop and `docker stats` show it). */
export const ServiceStats = z.object({
  /** Of one CPU: 200 is two CPUs busy. */
  cpuPercent: z.number(),
  /** Memory in use, page cache not counted (as `docker stats`). */
  memoryBytes: z.number(),
  /** Its limit, or the machine's memory when it has none. */
  memoryLimitBytes: z.number(),
});
export type ServiceStats = z.infer<typeof ServiceStats>;

/** "1 of 3 services is not running" for a running session that lacks some, else undefined. */
export function sessionShortfall(session: Pick<Session, 'status' | 'services'>): string | undefined {
  if (session.status !== 'RUNNING') return undefined;
  const down = session.services.filter((s) => s.state !== 'running').length;
  if (down === 0) return undefined;
  const total = session.services.length;
  return `${down} of ${total} service${total === 1 ? '' : 's'} ${down === 1 ? 'is' : 'are'} not running`;
}
