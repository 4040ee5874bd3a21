import { describeError, type ErrorCode } from '../shared/errors';

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 426 | 429;

type DomainErrorOptions = {
  /** English message; defaults to the code's description. */
  message?: string;
  /** Sent to the client as `error.details`, e.g. FieldIssue[]. */
  details?: unknown;
  /** Response headers that belong to the answer, e.g. `Retry-After` on a 429. */
  headers?: Readonly<Record<string, string>>;
  cause?: unknown;
};

/**
 * An expected failure with a code the client understands. Services and routes throw it;
 * the one `app.onError` turns it into `{ error: { code, message, details? } }` with
 * `status`. Anything else that escapes is a bug and becomes a 500.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly status: ErrorStatus;
  readonly details: unknown;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, status: ErrorStatus, options: DomainErrorOptions = {}) {
    super(options.message ?? describeError(code), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = status;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}
