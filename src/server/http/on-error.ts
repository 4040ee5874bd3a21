import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describeError, type ErrorCode } from '../../shared/errors';
import { isTransientDatabaseError } from '../db/database-errors';
import { DomainError } from '../errors';

/** What a 503 asks the client to wait: a database restart or failover takes a few seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** Every error body the API sends has this shape. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

/**
 * The app's one error handler. A DomainError is an expected answer and keeps its
 * status; a Hono HTTPException below 500 (e.g. from a built-in middleware) keeps its
 * status too. A database that is unreachable or busy is a 503 with `Retry-After`: the
 * same request succeeds once it is back. Anything else is a bug: logged here, and
 * answered with a bare 500 so no internals leak to the client.
 */
export function onError(error: Error, c: Context): Response {
  if (error instanceof DomainError) {
    return c.json(body(error.code, error.message, error.details), error.status, { ...error.headers });
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = codeForStatus(error.status);
    return c.json(body(code, error.message || describeError(code)), error.status);
  }
  if (isTransientDatabaseError(error)) {
    // One line, not a stack: every request fails this way while the database is away.
    console.error(`${c.req.method} ${c.req.path}: the database is unavailable: ${error.message}`);
    return c.json(body('unavailable', describeError('unavailable')), 503, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
  }
  console.error(`Unhandled error on ${c.req.method} ${c.req.path}:`, error);
  return c.json(body('internal', describeError('internal')), 500);
}

function body(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

function codeForStatus(status: number): ErrorCode {
  if (status === 413) return 'too-large';
  if (status === 404) return 'not-found';
  return 'invalid-body';
}
