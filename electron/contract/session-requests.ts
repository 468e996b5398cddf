import { z } from 'zod';
import { PipelinePath } from './pipeline-schemas';
import { inProject, ok } from './request-helpers';
import { ServiceStats, Session } from './session-schemas';

const onePipeline = inProject.extend({ path: PipelinePath });
/** `wait`: answer once the session is RUNNING or FAILED (start) or STOPPED (stop), not when it begins. */
const change = onePipeline.extend({ wait: z.boolean().optional() });

export const sessionRequests = {
  /** Every session the app knows, one per (project, pipeline) that is not STOPPED. */
  'sessions.list': { input: z.object({}).strict(), output: z.array(Session) },
  /** The pipeline's session; STOPPED with no services when it has none. */
  'sessions.get': { input: onePipeline, output: Session },
  /** Starts the session with the services on disk now; a session that exists is returned as it is. */
  'sessions.start': { input: change, output: Session },
  'sessions.stop': { input: change, output: Session },
  /** Stops the session and starts it again with the services on disk now. */
  'sessions.restart': { input: change, output: Session },
  /** Restarts one service's container of a running session (stopped with its grace period, started again). */
  'sessions.restartService': { input: onePipeline.extend({ service: z.string().min(1) }).strict(), output: Session },
  /** Each running service's CPU and memory now, by name (one sample; takes about a second). */
  'sessions.stats': { input: onePipeline, output: z.record(z.string(), ServiceStats) },
  /** Sends the caller sessions.stats events while it watches (as each service's sample comes, about every second). */
  'sessions.watchStats': { input: onePipeline, output: ok },
  'sessions.unwatchStats': { input: onePipeline, output: ok },
} as const;

export const sessionEvents = {
  /** A running service's CPU and memory, to a caller that watches its session's. */
  'sessions.stats': onePipeline.extend({ service: z.string(), stats: ServiceStats }),
} as const;
