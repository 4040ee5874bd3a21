import type { SessionUser } from '../../shared/api/auth.api';
import { ROLES, type Role } from '../../shared/domain/roles';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/**
 * Checks a user from the wire or from localStorage. Hand-written rather than a valibot
 * schema: it runs before the first screen, and this guard costs no bytes of a parser.
 */
export function isSessionUser(value: unknown): value is SessionUser {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    value.id !== '' &&
    typeof value.username === 'string' &&
    typeof value.displayName === 'string' &&
    isRole(value.role) &&
    isNullableString(value.providerId) &&
    isNullableString(value.providerName)
  );
}

/** The body of a successful login or `GET /api/auth/me`, or null when it is not one. */
export function parseSessionResponse(body: unknown): { user: SessionUser; mustChangePassword: boolean } | null {
  if (!isRecord(body) || !isSessionUser(body.user)) return null;
  return { user: pickUser(body.user), mustChangePassword: body.mustChangePassword === true };
}

/**
 * Only the known fields, so nothing unexpected from the wire is kept on the device. A
 * user stored before cohort rights existed has no `managesCohorts`: none granted.
 */
export function pickUser(user: SessionUser): SessionUser {
  const { id, username, displayName, role, providerId, providerName } = user;
  return { id, username, displayName, role, providerId, providerName, managesCohorts: user.managesCohorts === true };
}
