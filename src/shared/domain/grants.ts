import type { Role } from './roles';

/**
 * What an admin grants a user beyond their role. Apart from the permissions table so
 * the first screen's navigation can ask without loading it.
 */
export type Grantee = { role: Role; managesCohorts?: boolean | undefined };

/** "Officers with rights": an officer an admin lets create and edit cohorts. */
export function isCohortManager(user: Grantee): boolean {
  return user.role === 'officer' && user.managesCohorts === true;
}
