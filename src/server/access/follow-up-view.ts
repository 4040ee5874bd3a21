import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.api';
import { withheldFollowUp, withheldSelfReportLink } from '../../shared/domain/withheld-follow-up';
import type { FollowUp, SelfReportLink } from '../../shared/schema';
import type { Database } from '../db/schema';
import { providerScope } from './scope';

const IDS_PER_QUERY = 900;

/**
 * Follow-ups as `user` may read them: whole for roles that read every provider and for
 * the ones written within the reader's provider; the rest as their status history only
 * (`withheldFollowUp`). Every read of follow-ups by provider staff goes through here —
 * the REST answers and the sync pull alike.
 */
export async function followUpsAsSeenBy<F extends FollowUp>(db: Kysely<Database>, user: SessionUser, followUps: readonly F[]): Promise<F[]> {
  const scope = providerScope(user);
  if (scope.kind === 'all' || followUps.length === 0) return [...followUps];
  const within = await followUpsWrittenWithin(db, scope.providerId, followUps.map((followUp) => followUp.id));
  return followUps.map((followUp) => (within.has(followUp.id) ? followUp : { ...followUp, ...withheldFollowUp(followUp) }));
}

/** Self-report links as `user` may read them: who made one outside the reader's provider is withheld. */
export async function selfReportLinksAsSeenBy<L extends SelfReportLink>(db: Kysely<Database>, user: SessionUser, links: readonly L[]): Promise<L[]> {
  const scope = providerScope(user);
  if (scope.kind === 'all' || links.length === 0) return [...links];
  const makers = await providersOfUsers(db, links.map((link) => link.createdBy));
  return links.map((link) => (makers.get(link.createdBy) === scope.providerId ? link : { ...link, ...withheldSelfReportLink(link) }));
}

/**
 * Of these follow-ups, the ids of those written within `providerId`: by a user of that
 * provider, or an alumnus's answer through a link a user of that provider made.
 */
async function followUpsWrittenWithin(db: Kysely<Database>, providerId: string, ids: readonly string[]): Promise<Set<string>> {
  const within = new Set<string>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    const rows = await db
      .selectFrom('followUps')
      .leftJoin('users as author', 'author.id', 'followUps.officerId')
      .leftJoin('selfReportLinks as link', 'link.followUpId', 'followUps.id')
      .leftJoin('users as linkMaker', 'linkMaker.id', 'link.createdBy')
      .select('followUps.id')
      .where('followUps.id', 'in', unique.slice(start, start + IDS_PER_QUERY))
      .where((eb) => eb.or([eb('author.providerId', '=', providerId), eb('linkMaker.providerId', '=', providerId)]))
      .execute();
    for (const row of rows) within.add(row.id);
  }
  return within;
}

async function providersOfUsers(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string | null>> {
  const providers = new Map<string, string | null>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    const rows = await db.selectFrom('users').select(['id', 'providerId']).where('id', 'in', unique.slice(start, start + IDS_PER_QUERY)).execute();
    for (const row of rows) providers.set(row.id, row.providerId);
  }
  return providers;
}
