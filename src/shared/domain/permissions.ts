import { isCohortManager, type Grantee } from './grants';
import type { Role } from './roles';

export type { Grantee } from './grants';

/**
 * What each role may do at all, shared so the app offers only what the server will
 * accept. The server's scope module (src/server/access/scope.ts) adds the second
 * question, whether a record lies within the user's providers, and re-checks both on
 * every request and every pushed mutation.
 */
export const ACTIONS = [
  'read-data', // providers, vocations, cohorts, enrollments, alumni, follow-ups
  'write-follow-up',
  'void-any-follow-up', // supervisors correct anyone's mistaken contact
  'write-alumnus-contact',
  'write-alumnus', // identity fields: NIK, name, birth date…
  'write-cohort',
  'write-enrollment',
  'withdraw-enrollment', // an enrolment made in error: its provider's staff, or an admin
  'manage-users',
  'manage-providers',
  'manage-vocations',
  'manage-area', // the kecamatan/kelurahan reference list
  'read-reports', // absorption figures over every provider
  'export',
  'read-audit',
] as const;
export type Action = (typeof ACTIONS)[number];

const PERMISSIONS: Record<Role, readonly Action[]> = {
  officer: ['read-data', 'write-follow-up', 'write-alumnus-contact'],
  'provider-staff': [
    'read-data',
    'write-follow-up',
    'write-alumnus-contact',
    'write-alumnus',
    'write-cohort',
    'write-enrollment',
    'withdraw-enrollment',
  ],
  supervisor: ['read-data', 'read-reports', 'export', 'read-audit', 'void-any-follow-up'],
  // Admins set up cohorts for any provider they choose; enrolling stays with the LPK.
  admin: ['read-data', 'manage-users', 'manage-providers', 'manage-vocations', 'manage-area', 'read-audit', 'read-reports', 'export', 'write-cohort', 'withdraw-enrollment'],
};

export function isAllowed(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/**
 * What this user may do: their role's actions, and writing cohorts for an officer an
 * admin granted it ("officers with rights"). Ask this, not `isAllowed`, about a
 * signed-in user.
 */
export function userMay(user: Grantee, action: Action): boolean {
  if (isAllowed(user.role, action)) return true;
  return action === 'write-cohort' && isCohortManager(user);
}


/**
 * Who may void a follow-up (issue: "its author or a supervisor"): a role that logs
 * follow-ups for the ones it logged itself, a supervisor for anyone's. Scope (the
 * follow-up's alumnus within the user's providers) is checked apart.
 */
export function mayVoidFollowUp(user: { id: string; role: Role }, followUp: { officerId: string; channel: string }): boolean {
  if (isAllowed(user.role, 'void-any-follow-up')) return true;
  // An alumnus's own answer has no officer as author: whoever follows the person up may void it.
  return isAllowed(user.role, 'write-follow-up') && (followUp.officerId === user.id || followUp.channel === 'self-report');
}

/**
 * Who may withdraw an enrolment made in error: the staff of the provider that ran the
 * cohort, or an admin. The server asks the same (permission, then provider scope).
 */
export function mayWithdrawEnrollment(user: { role: Role; providerId: string | null }, cohortProviderId: string): boolean {
  if (!isAllowed(user.role, 'withdraw-enrollment')) return false;
  return user.role !== 'provider-staff' || (user.providerId !== null && user.providerId === cohortProviderId);
}
