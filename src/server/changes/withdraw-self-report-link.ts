import type { Kysely } from 'kysely';
import type { SelfReportLink } from '../../shared/schema';
import { assertAllowed, assertFactsInScope, scopeFactsOfAlumnus, syncScopesOfProviders } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/schema';
import { findSelfReportLink, updateSelfReportLink } from '../db/self-report-links.repository';
import { DomainError } from '../errors';
import { selfReportLinkPutsIn } from '../sync/alumnus-changes';
import { recordChanges } from '../sync/change-feed';
import type { Actor } from './actor';

/**
 * Withdraws a link that was not answered yet (sent to the wrong number, say): from now on
 * it answers 410. Whoever may make links for the person may withdraw theirs. Withdrawing
 * twice, or an answered link, is a 409 `conflict` that keeps the first outcome.
 */
export async function withdrawSelfReportLink(trx: Kysely<Database>, actor: Actor, input: { id: string }, now: Date): Promise<SelfReportLink> {
  const { user } = actor;
  assertAllowed(user, 'write-follow-up');
  const stored = await findSelfReportLink(trx, input.id);
  if (stored === undefined) throw new DomainError('not-found', 404, { message: 'no such link' });
  const alumnus = await scopeFactsOfAlumnus(trx, stored.link.alumnusId);
  // Out of scope answers 404, like an unknown record.
  assertFactsInScope(user, alumnus);
  const before = stored.link;
  if (before.status !== 'open') throw new DomainError('conflict', 409, { message: `this link was already ${before.status}` });

  const at = now.toISOString();
  const after: SelfReportLink = { ...before, status: 'withdrawn', withdrawnAt: at, withdrawnBy: user.id, updatedAt: at };
  await updateSelfReportLink(trx, after);
  await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'self-report-link.withdraw', entity: 'selfReportLinks', entityId: after.id, before, after, at: now });
  await recordChanges(trx, selfReportLinkPutsIn(syncScopesOfProviders(alumnus.providers), after.id), now);
  return after;
}
