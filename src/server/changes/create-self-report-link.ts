import type { Kysely } from 'kysely';
import { selfReportExpiry } from '../../shared/domain/self-report';
import { SelfReportLinkSchema, type SelfReportLink } from '../../shared/schema';
import { assertAllowed, assertFactsInScope, scopeFactsOfAlumnus, syncScopesOfProviders } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/schema';
import { findSelfReportLink, insertSelfReportLink } from '../db/self-report-links.repository';
import { DomainError } from '../errors';
import { hashSelfReportToken } from '../self-report/token';
import { selfReportLinkPutsIn } from '../sync/alumnus-changes';
import { recordChanges } from '../sync/change-feed';
import type { Actor } from './actor';
import { validRecord } from './valid-record';

export type NewSelfReportLink = { id: string; alumnusId: string; token: string };

/**
 * Makes a personal answer link for an alumnus: whoever may log a follow-up for the
 * person may (officers; provider staff for their own alumni). Only the token's hash is
 * stored. Insert if absent, like a follow-up: the same id, person and token again is the
 * same link sent twice (`created: false`); the same id with anything else is a conflict.
 * The link's validity runs from now, when the server learns of it: a link made offline
 * cannot have been sent before the device was online to sync it.
 */
export async function createSelfReportLink(trx: Kysely<Database>, actor: Actor, input: NewSelfReportLink, now: Date): Promise<{ link: SelfReportLink; created: boolean }> {
  const { user } = actor;
  assertAllowed(user, 'write-follow-up');
  const alumnus = await scopeFactsOfAlumnus(trx, input.alumnusId);
  assertFactsInScope(user, alumnus);
  if (alumnus.deleted) throw new DomainError('not-found', 404, { message: 'no such alumnus' });

  const tokenHash = hashSelfReportToken(input.token);
  const existing = await findSelfReportLink(trx, input.id);
  if (existing !== undefined) {
    if (existing.tokenHash === tokenHash && existing.link.alumnusId === input.alumnusId) return { link: existing.link, created: false };
    throw new DomainError('conflict', 409, { message: 'a different link was already made with this id' });
  }
  const at = now.toISOString();
  const link = validRecord(SelfReportLinkSchema, {
    id: input.id,
    createdAt: at,
    updatedAt: at,
    alumnusId: input.alumnusId,
    createdBy: user.id,
    expiresAt: selfReportExpiry(now),
    status: 'open',
    answeredAt: null,
    followUpId: null,
    withdrawnAt: null,
    withdrawnBy: null,
  });
  await insertSelfReportLink(trx, link, tokenHash);
  await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'self-report-link.create', entity: 'selfReportLinks', entityId: link.id, before: null, after: link, at: now });
  await recordChanges(trx, selfReportLinkPutsIn(syncScopesOfProviders(alumnus.providers), link.id), now);
  return { link, created: true };
}
