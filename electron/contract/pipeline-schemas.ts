import { z } from 'zod';
import { RelativePath } from './schemas';

/** Orchest's service name rule (internals/utils.py is_service_definition_valid): name-session fits in 63. */
export const SERVICE_NAME_PATTERN = /^[a-z][0-9a-z-]{0,25}$/;
export const SERVICE_NAME_RULE =
  'lower-case letters, digits and "-", starting with a letter, at most 26 characters';
/** Orchest's environment variable name rule (is_env_var_name_valid). */
export const ENV_VAR_NAME_RULE = 'letters, digits, "-" and "_" only';

/** Orchest's `data_passing_memory_size`: "1GB", "500 MB". */
export const MEMORY_SIZE = /^\d+(\.\d+)?\s*(KB|MB|GB)$/;

/** Orchest's pipeline settings. The two on data passing are for Orchest's memory store; runs here pass data on disk. */
export const PipelineSettings = z.object({
  max_steps_parallelism: z.number().int('Give a whole number').min(0, 'Give 0 (no limit) or more'),
  auto_eviction: z.boolean(),
  data_passing_memory_size: z.string().regex(MEMORY_SIZE, 'Give a size such as 1GB: a number, then KB, MB or GB'),
});
export type PipelineSettings = z.infer<typeof PipelineSettings>;

/** A `*.orchest` path in a project: forward slashes, ending in .orchest. */
export const PipelinePath = RelativePath.refine((p) => p.endsWith('.orchest') && !p.startsWith('/'), {
  message: 'A pipeline path is relative to the project and ends in .orchest',
});

/** One rule a pipeline breaks, located by its dotted JSON path (`services.redis.ports.0`). */
export const ValidationIssue = z.object({
  path: z.string(),
  /** The service concerned, when the issue is inside `services`. */
  service: z.string().optional(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/**
 * A pipeline file's definition after Orchest's migrations, as plain JSON. Its shape is checked by
 * Orchest's rules (ValidationIssue), not by the bridge: a file on disk may break them.
 */
export const PipelineDefinition = z.record(z.string(), z.unknown());
export type PipelineDefinition = z.infer<typeof PipelineDefinition>;

export const PipelineDocument = z.object({
  path: z.string(),
  /** Identifies the bytes read; a save names it and is refused if the file changed since. */
  revision: z.string(),
  /** The version written in the file, before migration. */
  fileVersion: z.string(),
  definition: PipelineDefinition,
  issues: z.array(ValidationIssue),
});
export type PipelineDocument = z.infer<typeof PipelineDocument>;

/** A service as the form edits it; the main process validates it with Orchest's rules. */
export const ServiceDefinition = z.record(z.string(), z.unknown());

/**
 * A step as the editor sends it, with the keys Orchest's schema requires (reference 1.5); keys it does
 * not know pass through, and the main process checks the rest with Orchest's rules.
 */
export const PipelineStepInput = z.looseObject({
  uuid: z.string(),
  title: z.string(),
  file_path: z.string(),
  environment: z.string(),
  kernel: z.looseObject({ name: z.string(), display_name: z.string() }),
  parameters: z.record(z.string(), z.unknown()),
  incoming_connections: z.array(z.string()),
  meta_data: z
    .looseObject({ position: z.tuple([z.number(), z.number()]), hidden: z.boolean() })
    .optional(),
});
export type PipelineStepInput = z.infer<typeof PipelineStepInput>;

/** The extensions Orchest runs (internals/config.py ALLOWED_FILE_EXTENSIONS). */
export const STEP_FILE_EXTENSIONS = ['ipynb', 'py', 'R', 'sh', 'jl', 'js'] as const;
