import { z } from 'zod';
import { ENV_VAR_NAME_RULE } from './pipeline-schemas';

/** Orchest's name pattern (internals/utils.py is_env_var_name_valid). */
export const ENV_VAR_NAME_PATTERN = /^[0-9a-zA-Z\-_]+$/;
export const VARIABLE_NAME_RULE = `Variable names use ${ENV_VAR_NAME_RULE}`;
export const PATH_REFUSED = 'PATH cannot be set: Orchest ignores changes to PATH';
/** zod and plain objects drop a `__proto__` key silently, so it is refused rather than lost. */
export const PROTO_REFUSED = '__proto__ cannot be a variable name';
export const NUL_REFUSED = 'A value cannot contain the NUL character';

export const VariableName = z
  .string()
  .regex(ENV_VAR_NAME_PATTERN, VARIABLE_NAME_RULE)
  .refine((name) => name !== 'PATH', PATH_REFUSED)
  .refine((name) => name !== '__proto__', PROTO_REFUSED);

export const VariableValue = z.string().refine((value) => !value.includes('\0'), NUL_REFUSED);

/** A set of variables by name; a bad name is reported at `<field>.<name>`. */
export const Variables = z.preprocess(
  (value: Record<string, string>, ctx) => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
      ctx.issues.push({ code: 'custom', message: PROTO_REFUSED, path: ['__proto__'], input: value });
    }
    return value;
  },
  // The key's own message, not zod's "Invalid key in record", is what the editor shows.
  z.record(VariableName, VariableValue, {
    error: (issue) => (issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined),
  }),
);
export type Variables = z.output<typeof Variables>;

/** Orchest writes uuid4s; the narrow alphabet keeps the id a safe key in the secrets file. */
export const PipelineUuid = z
  .string()
  .regex(/^[0-9a-zA-Z-]{1,100}$/, 'A pipeline uuid has letters, digits and "-" only');

/** The variables of one project and, when a pipeline was named, of that pipeline. */
export const VariableSets = z.object({ project: Variables, pipeline: Variables });
export type VariableSets = z.output<typeof VariableSets>;
