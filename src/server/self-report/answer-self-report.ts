import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { SelfReportAnswer } from '../../shared/api/self-report.api';
import { firstName, selfReportFollowUp, selfReportLinkState } from '../../shared/domain/self-report';
import { SelfReportTokenSchema, type FollowUp, type SelfReportLink } from '../../shared/schema';
import { syncScopesOfAlumnus } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { logFollowUp } from '../changes/log-follow-up';
import { runChange } from '../changes/run-change';
import type { Database } from '../db/schema';
import { findLinkByTokenHash, updateSelfReportLink } from '../db/self-report-links.repository';
import { DomainError } from '../errors';
import { selfReportLinkPutsIn } from '../sync/alumnus-changes';
import { recordChanges } from '../sync/change-feed';
import { assertNotGuessing, recordMiss } from './guess-limit';
import { hashSelfReportToken } from './token';
import { newRecordId } from '../../shared/record-id';

/** A link that may still be answered, and the one word of the person's name the page shows. */
export type OpenLink = { link: SelfReportLink; tokenHash: string; firstName: string };

/**
 * The link a token opens, for the answer page and the answer API alike: 429 for an
 * address that has been guessing, 404 (counted as a miss) for a token that opens
 * nothing, 410 `link-gone` for one already answered, withdrawn or expired.
 */
export async function openLink(db: Kysely<Database>, token: string, address: string, now: Date): Promise<OpenLink> {
  await assertNotGuessing(db, address, now);
  const tokenHash = v.is(SelfReportTokenSchema, token) ? hashSelfReportToken(token) : null;
  const link = tokenHash === null ? undefined : await findLinkByTokenHash(db, tokenHash);
  if (link === undefined || tokenHash === null) {
    await recordMiss(db, address, now);
    throw new DomainError('not-found', 404, { message: 'no such link' });
  }
  const state = selfReportLinkState(link, now);
  if (state !== 'waiting') throw new DomainError('link-gone', 410, { message: `this link was ${state}`, details: { state } });
  const person = await db.selectFrom('alumni').select('name').where('id', '=', link.alumnusId).executeTakeFirst();
  return { link, tokenHash, firstName: firstName(person?.name ?? '') };
}

/**
 * Stores an answer as a follow-up by the alumnus, through the function every follow-up
 * is logged with (its audit, change feed and due dates), and closes the link, in one
 * transaction. The link is read again there, locked: of two answers sent at once, the
 * second finds it answered (410).
 */
export async function answerSelfReport(db: Kysely<Database>, tokenHash: string, answer: SelfReportAnswer, now: Date): Promise<FollowUp> {
  return runChange(db, async (trx) => {
    const link = await findLinkByTokenHash(trx, tokenHash, { lock: true });
    if (link === undefined) throw new DomainError('not-found', 404, { message: 'no such link' });
    const state = selfReportLinkState(link, now);
    if (state !== 'waiting') throw new DomainError('link-gone', 410, { message: `this link was ${state}`, details: { state } });

    const input = selfReportFollowUp(answer, link.alumnusId, newRecordId(), now);
    const { followUp } = await logFollowUp(trx, { alumnusId: link.alumnusId }, input, now);
    const at = now.toISOString();
    const after: SelfReportLink = { ...link, status: 'answered', answeredAt: at, followUpId: followUp.id, updatedAt: at };
    await updateSelfReportLink(trx, after);
    await recordAudit(trx, { userId: link.alumnusId, mutation: 'self-report.answer', entity: 'selfReportLinks', entityId: link.id, before: link, after, at: now });
    await recordChanges(trx, selfReportLinkPutsIn(await syncScopesOfAlumnus(trx, link.alumnusId), link.id), now);
    return followUp;
  });
}
