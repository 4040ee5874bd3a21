/**
 * True for a unique or primary-key violation on either dialect. A check-then-insert can
 * still race another request; the database's constraint decides, and this turns its
 * error back into the expected answer (`username-taken`, `conflict`).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  // PostgreSQL unique_violation; better-sqlite3 names the constraint kind.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
