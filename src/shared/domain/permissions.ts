import type { Role } from './roles';

/**
 * What each role may do at all, shared so the app offers only what the server will
 * accept. The server's scope module (src/server/access/scope.ts) adds the second
 * question, whether a record lies within the user's providers, and re-checks both on
 * every request and every pushed mutation.
 */
export const ACTIONS = [
  'read-data', // providers, vocations, cohorts, enrollments, alumni, follow-ups
  'write-follow-up',
  'write-alumnus-contact',
  'write-alumnus', // identity fields: NIK, name, birth date…
  'write-cohort',
  'write-enrollment',
  'manage-users',
  'manage-providers',
  'manage-vocations',
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
  ],
  supervisor: ['read-data', 'export', 'read-audit'],
  admin: ['read-data', 'manage-users', 'manage-providers', 'manage-vocations', 'read-audit', 'export'],
};

export function isAllowed(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

