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

export const EngineStatus = z.discriminatedUnion('reachable', [
  z.object({
    reachable: z.literal(true),
    version: z.string(),
    apiVersion: z.string(),
    os: z.string(),
    host: z.string(),
  }),
  z.object({ reachable: z.literal(false), host: z.string(), reason: z.string() }),
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
});
export type AppSettings = z.infer<typeof AppSettings>;

export const AppInfo = z.object({
  version: z.string(),
  /** Which shell the main process runs in. */
  shell: z.enum(['electron', 'host']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;
