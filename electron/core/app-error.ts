import type { ErrorCode } from '../contract';

/** An expected failure with a stable code, reported to the caller as it is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
}

export interface Disposable {
  dispose(): void | Promise<void>;
}
