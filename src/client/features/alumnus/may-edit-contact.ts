import type { SessionUser } from '../../../shared/api/auth.api';
import { isAllowed } from '../../../shared/domain/permissions';
import type { EnrollmentView } from './use-alumnus-record';

/**
 * Whether the page offers the contact form: the role's permission (the shared table the
 * server also asks) and, for provider staff, an enrolment with their own provider (the
 * server's alumnus scope, re-checked on every push). Showing the form to someone the
 * server would refuse would only queue a change bound to come back refused.
 */
export function mayEditContact(user: Pick<SessionUser, 'role' | 'providerId'>, enrollments: readonly EnrollmentView[]): boolean {
  if (!isAllowed(user.role, 'write-alumnus-contact')) return false;
  if (user.role !== 'provider-staff') return true;
  return user.providerId !== null && enrollments.some(({ cohort }) => cohort?.providerId === user.providerId);
}
