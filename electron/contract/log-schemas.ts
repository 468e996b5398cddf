import { z } from 'zod';
import { PipelinePath } from './pipeline-schemas';
import { ProjectId } from './schemas';

/** Where a line came from: the container's stdout or stderr, or the app itself (a failed start, a pull). */
export const LogStream = z.enum(['out', 'err', 'sys']);
export type LogStream = z.infer<typeof LogStream>;

export const LogLine = z.object({
  /** The line's number in its run, from 1 (the run marker is not counted). */
  n: z.number().int(),
  /** When the app received it from the engine (RFC 3339, UTC); absent in logs written by Orchest. */
  t: z.string().optional(),
  s: LogStream,
  /** The text as UTF-8, invalid bytes replaced; ANSI escape sequences kept for the viewer to colour. */
  text: z.string(),
});
export type LogLine = z.infer<typeof LogLine>;

/** A service's log of one pipeline: `.orchest/pipelines/<uuid>/logs/<source>.log`. */
export const LogSource = z.object({
  /** The service's name, or the step's uuid. */
  source: z.string(),
  /** The step's title, when the log is a step's. */
  step: z.string().optional(),
  /** The current run's marker (the file's first line); null when there is no log yet. */
  run: z.string().nullable(),
  /** Lines in the current run. */
  lines: z.number().int(),
  /** Whether the run before the current one is kept (`<source>.log.1`). */
  previous: z.boolean(),
});
export type LogSource = z.infer<typeof LogSource>;

/** A log's name: a service's name (or, for steps, a uuid), so never a path. */
export const LogSourceName = z.string().regex(/^[a-z0-9][0-9a-z-]{0,63}$/, 'A log is named by its service: lower-case letters, digits and "-"');

const RecordUuid = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'an id of letters, digits and dashes');
/** The pipeline's logs, or with `jobRun` those of one run of one of its jobs (kept in the run's copy). */
const onePipeline = z.object({ projectId: ProjectId, path: PipelinePath, jobRun: z.object({ jobUuid: RecordUuid, runUuid: RecordUuid }).strict().optional() });
const oneSource = onePipeline.extend({
  source: LogSourceName,
  /** Read the run before the current one instead. */
  previous: z.boolean().optional(),
});

export const LogPage = z.object({
  run: z.string().nullable(),
  /** Lines in the run when it was read. */
  total: z.number().int(),
  lines: z.array(LogLine),
});
export type LogPage = z.infer<typeof LogPage>;

export const MAX_LOG_PAGE = 5000;

export const logRequests = {
  /** Every log the pipeline has: its services' (those of the session and any older ones on disk). */
  'logs.sources': { input: onePipeline.strict(), output: z.array(LogSource) },
  /**
   * Lines `from` (1-based, default 1) on, at most `count`; with `tail`, the last `count` lines.
   * `since` (RFC 3339) skips lines older than that.
   */
  'logs.read': {
    input: oneSource
      .extend({
        from: z.number().int().min(1).optional(),
        count: z.number().int().min(1).max(MAX_LOG_PAGE),
        tail: z.boolean().optional(),
        since: z.string().optional(),
      })
      .strict(),
    output: LogPage,
  },
  /** The numbers of the lines that contain `query` (case-insensitive unless told), at most `limit`. */
  'logs.search': {
    input: oneSource
      .extend({
        query: z.string().min(1),
        caseSensitive: z.boolean().optional(),
        limit: z.number().int().min(1).max(100_000).optional(),
      })
      .strict(),
    output: z.object({ run: z.string().nullable(), matches: z.array(z.number().int()), truncated: z.boolean() }),
  },
  /**
   * Pushes the new lines of these sources' current runs as `logs.appended` events, in batches. Lines
   * the caller cannot take in time are counted in `skipped` (they stay readable with `logs.read`).
   */
  'logs.follow': {
    input: onePipeline.extend({ sources: z.array(LogSourceName).min(1), subscription: z.string().min(1) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  'logs.unfollow': { input: z.object({ subscription: z.string().min(1) }).strict(), output: z.object({ ok: z.literal(true) }) },
} as const;

export const logEvents = {
  /**
   * New lines of a followed source. `run` differs from the last one seen when a new run began (the
   * viewer starts over). `skipped` lines came before `lines` and were not sent; `total` is the run's count.
   */
  'logs.appended': z.object({
    subscription: z.string(),
    source: z.string(),
    run: z.string(),
    total: z.number().int(),
    skipped: z.number().int(),
    lines: z.array(LogLine),
  }),
} as const;
