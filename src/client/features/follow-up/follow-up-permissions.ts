import type { SessionUser } from '../../../shared/api/auth.api';
import { isAllowed, mayVoidFollowUp } from '../../../shared/domain/permissions';
import type { FollowUp } from '../../../shared/schema/follow-up.schema';
import type { EnrollmentView } from '../alumnus/use-alumnus-record';

type Who = Pick<SessionUser, 'id' | 'role' | 'providerId'>;

/**
 * Whether the app offers logging a contact with this alumnus: the role's permission (the
 * shared table the server asks too) and, for provider staff, an enrolment with their own
 * provider (the server's alumnus scope). Offering more would only queue a change bound
 * to come back refused.
 */
export function mayLogFollowUp(user: Who, enrollments: readonly EnrollmentView[]): boolean {
  if (!isAllowed(user.role, 'write-follow-up')) return false;
  if (user.role !== 'provider-staff') return true;
  return user.providerId !== null && enrollments.some(({ cohort }) => cohort?.providerId === user.providerId);
}

/**
 * Whether the app offers voiding this follow-up: the shared rule the server and the
 * local applier ask (its author, or a supervisor), and only once.
 */
export function mayVoid(user: Who, followUp: FollowUp): boolean {
  return followUp.voidedAt === null && mayVoidFollowUp(user, followUp);
}
