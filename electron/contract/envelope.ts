import { z } from 'zod';

export const ERROR_CODES = [
  'UNKNOWN_REQUEST',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN_PATH',
  'DOCKER_UNAVAILABLE',
  'PIPELINE_INVALID',
  'WORKSPACE_UNAVAILABLE',
  /** The variables file exists but cannot be read or decrypted here; it is left untouched. */
  'SECRETS_UNAVAILABLE',
  /** The disk refused the write (no space); what was there before is left as it was. */
  'DISK_FULL',
  /** A file too big to open as text (files.read); it can still be downloaded. */
  'FILE_TOO_BIG',
  /** A file that is not UTF-8 text (a NUL byte, or invalid UTF-8); it can still be downloaded. */
  'FILE_NOT_TEXT',
  'TRANSPORT_CLOSED',
  'INTERNAL',
] as const;

export const BridgeError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Dotted path of the input field at fault, when one is. */
  field: z.string().optional(),
});
export type BridgeError = z.infer<typeof BridgeError>;
export type ErrorCode = BridgeError['code'];

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** A request that failed, as seen by a client: carries the structured error. */
export class BridgeRequestError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(error: BridgeError) {
    super(error.message);
    this.name = 'BridgeRequestError';
    this.code = error.code;
    this.field = error.field;
  }
}
