import { z } from 'zod';

/** Orchest's project name rule (web/core/projects.py), plus no "." or "..". */
export const PROJECT_NAME_RULE =
  "Project names use only letters, digits, '_', '.' and '-', at most 255 characters, and are not '.' or '..'";

export const ProjectName = z
  .string()
  .min(1, PROJECT_NAME_RULE)
  .max(255, PROJECT_NAME_RULE)
  .regex(/^[A-Za-z0-9_.-]+$/, PROJECT_NAME_RULE)
  .refine((name) => name !== '.' && name !== '..', PROJECT_NAME_RULE);

export const ProjectId = z.string().uuid();

export const Project = z.object({
  uuid: ProjectId,
  name: z.string(),
  path: z.string(),
  /** true when the folder lives outside the workspace's projects/ (imported in place). */
  external: z.boolean(),
});
export type Project = z.infer<typeof Project>;

export const PipelineSummary = z.object({
  uuid: z.string().nullable(),
  name: z.string().nullable(),
  /** Relative to the project folder, with forward slashes. */
  path: z.string(),
  /** Why the file could not be read, e.g. a JSON parse error with its line and column. */
  error: z.string().optional(),
});
export type PipelineSummary = z.infer<typeof PipelineSummary>;

export const EnvironmentSummary = z.object({
  uuid: z.string(),
  name: z.string().nullable(),
  language: z.string().nullable(),
  baseImage: z.string().nullable(),
  gpuSupport: z.boolean(),
  error: z.string().optional(),
});
export type EnvironmentSummary = z.infer<typeof EnvironmentSummary>;

/** A path relative to a project's folder, forward slashes, "" for the folder itself. */
export const RelativePath = z.string().max(4096);

export const FileEntry = z.object({
  name: z.string(),
  path: RelativePath,
  kind: z.enum(['file', 'directory', 'symlink']),
  size: z.number().int().nonnegative(),
});
export type FileEntry = z.infer<typeof FileEntry>;

/** Why the engine does not answer, as a user can act on it. */
export const EngineProblem = z.enum(['not-installed', 'not-running', 'permission-denied', 'host-unreachable', 'no-answer']);
export type EngineProblem = z.infer<typeof EngineProblem>;

/** What a user is told first about each reason the engine does not answer (app and CLI alike). */
export const ENGINE_PROBLEM_TITLES: Record<EngineProblem, string> = {
  'not-installed': 'No Docker found',
  'not-running': 'Docker is installed but not running',
  'permission-denied': 'No permission to use Docker',
  'host-unreachable': 'DOCKER_HOST points nowhere',
  'no-answer': 'Docker does not answer',
};

/** One step to take: words, and a command to run where there is one. */
export const EngineAdvice = z.object({ text: z.string(), command: z.string().optional() });
export type EngineAdvice = z.infer<typeof EngineAdvice>;

export const EngineStatus = z.discriminatedUnion('reachable', [
  z.object({
    reachable: z.literal(true),
    version: z.string(),
    apiVersion: z.string(),
    os: z.string(),
    host: z.string(),
  }),
  z.object({
    reachable: z.literal(false),
    host: z.string(),
    reason: z.string(),
    problem: EngineProblem,
    /** What to do about it on this platform, in order. */
    advice: z.array(EngineAdvice),
  }),
]);
export type EngineStatus = z.infer<typeof EngineStatus>;

export const WorkspaceStatus = z.object({
  path: z.string(),
  projectsPath: z.string(),
  dataPath: z.string(),
  /** Set when the workspace cannot be created or read. */
  error: z.string().optional(),
});
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>;

export const Theme = z.enum(['system', 'light', 'dark']);

export const AppSettings = z.object({
  workspace: z.string().min(1),
  theme: Theme,
  /** Leave sessions running when the app quits (they are re-adopted at the next start). */
  keepSessionsRunning: z.boolean(),
  /** The service proxy's port on 127.0.0.1 (0: any free port); a change takes effect at the next start. */
  proxyPort: z.number().int().min(0).max(65535),
  /** How many runs of one job go at once; the others wait. */
  jobRunsAtOnce: z.number().int().min(1).max(16),
});
export type AppSettings = z.infer<typeof AppSettings>;

export const AppInfo = z.object({
  version: z.string(),
  /** Which shell the main process runs in. */
  shell: z.enum(['electron', 'host']),
  platform: z.string(),
  /** How project and pipeline variables are kept: encrypted by the OS keychain, or in a file only the user can read. */
  secrets: z.object({ encrypted: z.boolean(), file: z.string() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** What to paste into a bug report: versions, paths, the engine and the settings, secrets left out. */
export const Diagnostics = z.object({
  app: z.object({ version: z.string(), shell: z.enum(['electron', 'host']) }),
  runtime: z.object({ node: z.string(), electron: z.string().optional(), chrome: z.string().optional() }),
  os: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  engine: EngineStatus,
  paths: z.object({
    home: z.string(),
    logs: z.string(),
    settings: z.string(),
    workspace: z.string(),
  }),
  proxy: z.string(),
  /** The settings file's keys; values of keys not known to be harmless are left out. */
  settings: z.record(z.string(), z.unknown()),
  /** All of the above as plain text. */
  text: z.string(),
});
export type Diagnostics = z.infer<typeof Diagnostics>;
