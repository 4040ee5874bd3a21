/**
 * Which database errors are temporary. Only a database that is unreachable, restarting or
 * busy is: the same request succeeds later, so the answer is 503 with `Retry-After` and
 * the device keeps its change. Everything else — a constraint violation, a value the
 * column cannot hold, a bug — fails the same way every time, and retrying it for ever
 * would hold up every change queued behind it.
 */

/** PostgreSQL SQLSTATEs of a connection lost, a server starting or stopping, or contention. */
const PG_TRANSIENT_CODES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
  '53000', // insufficient_resources
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57014', // query_canceled (statement_timeout)
]);

/** Socket errors of a server that went away or cannot be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/** better-sqlite3's primary result codes of a locked, full or failing file. */
const SQLITE_TRANSIENT_PREFIXES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_PROTOCOL'];

/** pg's own errors, which carry no code, when a connection ends or never comes. */
const PG_CONNECTION_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /not queryable/i, /not currently accepting connections/i];

export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
  if (code !== null) {
    if (PG_TRANSIENT_CODES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) return true;
    if (SQLITE_TRANSIENT_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
  }
  const message = error instanceof Error ? error.message : '';
  if (PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // pg wraps some connection failures in an AggregateError (one per address tried).
  if (error instanceof AggregateError) return error.errors.some(isTransientDatabaseError);
  return false;
}

/**
 * True for a violated constraint (not null, check, foreign key, unique) or a value the
 * column cannot hold (out of range, too long): the same change fails the same way again.
 */
export function isPermanentDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string') return false;
  const { code } = error;
  // Class 23: integrity constraint violation; class 22: data exception.
  return code.startsWith('23') || code.startsWith('22') || code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG' || code === 'SQLITE_RANGE';
}
