import type { Kysely } from 'kysely';
import type { FollowUp } from '../../shared/schema';
import { mayVoidFollowUp } from '../../shared/domain/permissions';
import { assertAllowed, assertFollowUpInScope, isAllowed } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { findFollowUp, updateFollowUpRow } from '../db/follow-ups.repository';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { followUpPuts } from '../sync/alumnus-changes';
import { recordChanges } from '../sync/change-feed';
import type { Actor } from './actor';

/**
 * Voids a mistaken follow-up, keeping it (append-only: a correction is a new follow-up,
 * never a rewrite). Its author may, or a supervisor (`mayVoidFollowUp`), and only once:
 * voiding again is a 409 `conflict`,
 * which keeps the first reason and time.
 */
export async function voidFollowUp(trx: Kysely<Database>, actor: Actor, input: { id: string; reason: string }, now: Date): Promise<FollowUp> {
  const { user } = actor;
  if (!isAllowed(user.role, 'void-any-follow-up')) assertAllowed(user, 'write-follow-up');
  await assertFollowUpInScope(trx, user, input.id);
  const before = await findFollowUp(trx, input.id);
  if (before === undefined) throw new DomainError('not-found', 404, { message: 'no such follow-up' });
  if (!mayVoidFollowUp(user, before)) throw new DomainError('forbidden', 403, { message: 'only the officer who logged a follow-up, or a supervisor, may void it' });
  if (before.voidedAt !== null) throw new DomainError('conflict', 409, { message: `this follow-up was already voided at ${before.voidedAt}` });

  const at = now.toISOString();
  const after: FollowUp = { ...before, voidedAt: at, voidedBy: user.id, voidReason: input.reason, updatedAt: at };
  await updateFollowUpRow(trx, after);
  await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'follow-up.void', entity: 'followUps', entityId: after.id, before, after, at: now });
  await recordChanges(trx, await followUpPuts(trx, after), now);
  return after;
}
