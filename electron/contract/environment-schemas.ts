import { z } from 'zod';
import { ProjectId } from './schemas';
import { VariableName } from './variable-schemas';

/** Orchest's languages of an environment (client/environments-view). */
export const EnvironmentLanguage = z.enum(['python', 'r', 'julia', 'javascript']);
export type EnvironmentLanguage = z.infer<typeof EnvironmentLanguage>;

export const EnvironmentUuid = z.string().regex(/^[\da-f]{8}-([\da-f]{4}-){3}[\da-f]{12}$/, 'An environment is named by its uuid');

/** What a person edits: properties.json's fields and setup_script.sh. */
export const EnvironmentFields = z.object({
  name: z.string().trim().min(1, 'Give the environment a name').max(255),
  baseImage: z.string().trim().min(1, 'Give a base image').max(512).refine((v) => !/\s/.test(v), 'An image name has no spaces'),
  language: EnvironmentLanguage,
  gpuSupport: z.boolean(),
  setupScript: z.string().max(1024 * 1024),
  /** Names of project variables the set-up script sees, passed as build secrets (properties.json's `build_variables`). */
  buildVariables: z
    .array(VariableName)
    .max(100)
    .refine((names) => new Set(names).size === names.length, 'A variable is named twice')
    .default([]),
});
/** As sent: buildVariables may be left out (callers and files from before it). */
export type EnvironmentFields = z.input<typeof EnvironmentFields>;

/** Orchest's default environment of a new project (internals/config.py DEFAULT_SETUP_SCRIPT), and what New starts from. */
export const DEFAULT_ENVIRONMENT = {
  name: 'Python 3',
  baseImage: 'orchest/base-kernel-py',
  language: 'python',
  gpuSupport: false,
  setupScript: `#!/bin/bash

# Install any dependencies you have in this shell script,
# see https://docs.orchest.io/en/latest/fundamentals/environments.html#install-packages

# E.g. mamba install -y tensorflow
`,
  buildVariables: [],
} as const satisfies Required<EnvironmentFields>;

/** Orchest's states of a build (and of a pipeline run and its steps, see RunStatus). */
export const BuildStatus = z.enum(['PENDING', 'STARTED', 'SUCCESS', 'FAILURE', 'ABORTED']);
export type BuildStatus = z.infer<typeof BuildStatus>;

/** PENDING or STARTED: the build (or run, or step) has not ended, and can be cancelled. */
export function isGoingOn(status: BuildStatus | undefined): boolean {
  return status === 'PENDING' || status === 'STARTED';
}

/** Orchest's phases of a build, as its log showed them. */
export const BuildPhase = z.enum(['queued', 'pulling', 'copying', 'setup', 'storing', 'done']);
export type BuildPhase = z.infer<typeof BuildPhase>;

export const EnvironmentBuild = z.object({
  projectId: ProjectId,
  environmentUuid: EnvironmentUuid,
  /** The image's tag: 1 for the first build of the environment, counting up. */
  number: z.number().int().min(1),
  /** `orchest-env-<project uuid>-<environment uuid>:<number>`. */
  image: z.string(),
  status: BuildStatus,
  phase: BuildPhase,
  /** When it was asked for, started and ended (ms since the epoch). */
  requestedAt: z.number(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  /** Why it failed or was stopped, in words: the base image, root or sudo, the set-up script's exit code and last lines. */
  error: z.string().optional(),
  /** Something to know about a finished or running build, e.g. that build variables stay in the image's history. */
  warning: z.string().optional(),
  /** Lines of the build's log so far (the whole log: environments.buildLog). */
  logLines: z.number().int(),
});
export type EnvironmentBuild = z.infer<typeof EnvironmentBuild>;

export const Environment = EnvironmentFields.extend({
  uuid: EnvironmentUuid,
  /** The newest build, whatever its status; absent when never built. */
  lastBuild: EnvironmentBuild.optional(),
  /** The image sessions use now: the highest numbered successful build on the engine. */
  image: z.string().optional(),
  /** Sessions whose services use it now, as `<pipeline path>: <service>`. */
  usedBy: z.array(z.string()),
});
export type Environment = z.infer<typeof Environment>;

const oneEnvironment = z.object({ projectId: ProjectId, uuid: EnvironmentUuid });

export const environmentRequests = {
  /** One environment with its set-up script, newest build and use. */
  'environments.get': { input: oneEnvironment.strict(), output: Environment },
  'environments.create': { input: z.object({ projectId: ProjectId, fields: EnvironmentFields }).strict(), output: Environment },
  'environments.update': { input: oneEnvironment.extend({ fields: EnvironmentFields }).strict(), output: Environment },
  /** A copy under a new uuid, named "<name> (copy)". */
  'environments.duplicate': { input: oneEnvironment.strict(), output: Environment },
  /** Refused (CONFLICT) while a running session's service uses it, naming which. */
  'environments.delete': { input: oneEnvironment.strict(), output: z.object({ ok: z.literal(true) }) },
  /** Starts a build (or returns the one in progress); follow it with environments.buildChanged. */
  'environments.build': { input: oneEnvironment.strict(), output: EnvironmentBuild },
  'environments.cancelBuild': { input: oneEnvironment.strict(), output: EnvironmentBuild },
  /** Every build of the environment, newest first. */
  'environments.builds': { input: oneEnvironment.strict(), output: z.array(EnvironmentBuild) },
  /** A build's log, lines `from` (1-based) on. */
  'environments.buildLog': {
    input: oneEnvironment.extend({ number: z.number().int().min(1), from: z.number().int().min(1).optional() }).strict(),
    output: z.object({ lines: z.array(z.string()), total: z.number().int() }),
  },
} as const;

export const environmentEvents = {
  /** A build changed status or phase, or its log grew (`lines`: the new lines of its log). */
  'environments.buildChanged': z.object({ build: EnvironmentBuild, lines: z.array(z.string()) }),
} as const;
