import { z } from 'zod';
import { environmentEvents } from './environment-schemas';
import { logEvents } from './log-schemas';
import { runEvents } from './run-schemas';
import { jobEvents } from './job-requests';
import { EngineStatus, ProjectId } from './schemas';
import { sessionEvents } from './session-requests';
import { Session } from './session-schemas';

/** Every event the main process pushes to its callers. */
export const events = {
  'engine.status': EngineStatus,
  /** The list of projects changed (created, deleted, renamed, imported). */
  'projects.changed': z.object({}),
  /** Files under a watched project changed; `paths` are relative folders whose listing changed. */
  'project.filesChanged': z.object({ projectId: ProjectId, paths: z.array(z.string()) }),
  /** A session changed state, or one of its services did. */
  'sessions.changed': Session,
  ...sessionEvents,
  ...logEvents,
  ...environmentEvents,
  ...runEvents,
  ...jobEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;
