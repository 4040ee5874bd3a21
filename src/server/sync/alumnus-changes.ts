import type { Kysely } from 'kysely';
import { syncScopesOfAlumnus } from '../access/scope';
import type { Database } from '../db/schema';
import type { FeedChange } from './change-feed';

/*
 * Feed entries for the records whose scope is their alumnus's: the alumnus itself and
 * its follow-ups live in every provider scope the person is enrolled in (or in
 * `unassigned`), so one change is versioned in each.
 */

/** A put of the alumnus in each of its scopes. */
export async function alumnusPuts(db: Kysely<Database>, alumnusId: string): Promise<FeedChange[]> {
  return (await syncScopesOfAlumnus(db, alumnusId)).map((scope) => ({ scope, entity: 'alumni', id: alumnusId, op: 'put' }));
}

/** A put of the follow-up in each scope of its alumnus. */
export async function followUpPuts(db: Kysely<Database>, followUp: { id: string; alumnusId: string }): Promise<FeedChange[]> {
  return followUpPutsIn(await syncScopesOfAlumnus(db, followUp.alumnusId), followUp.id);
}

/** A put of the follow-up in each of `scopes`, its alumnus's, already known. */
export function followUpPutsIn(scopes: readonly string[], followUpId: string): FeedChange[] {
  return scopes.map((scope) => ({ scope, entity: 'followUps', id: followUpId, op: 'put' }));
}

/** A put of the self-report link in each of `scopes`, its alumnus's: officers see its state, never its token. */
export function selfReportLinkPutsIn(scopes: readonly string[], linkId: string): FeedChange[] {
  return scopes.map((scope) => ({ scope, entity: 'selfReportLinks', id: linkId, op: 'put' }));
}

/**
 * After an alumnus's scopes went from `before` to `after` (an enrollment made, removed or
 * restored): the person and all their follow-ups are put in each scope entered, so a
 * provider sees its new trainee's history (follow-ups and answer links), and deleted from each scope left.
 */
export async function membershipChanges(db: Kysely<Database>, alumnusId: string, before: readonly string[], after: readonly string[]): Promise<FeedChange[]> {
  const entered = after.filter((scope) => !before.includes(scope));
  const left = before.filter((scope) => !after.includes(scope));
  if (entered.length === 0 && left.length === 0) return [];
  const followUps = await db.selectFrom('followUps').select('id').where('alumnusId', '=', alumnusId).execute();
  const links = await db.selectFrom('selfReportLinks').select('id').where('alumnusId', '=', alumnusId).execute();
  const rows = (scope: string, op: FeedChange['op']): FeedChange[] => [
    { scope, entity: 'alumni', id: alumnusId, op },
    ...followUps.map(({ id }): FeedChange => ({ scope, entity: 'followUps', id, op })),
    ...links.map(({ id }): FeedChange => ({ scope, entity: 'selfReportLinks', id, op })),
  ];
  return [...entered.flatMap((scope) => rows(scope, 'put')), ...left.flatMap((scope) => rows(scope, 'delete'))];
}

/**
 * After a user moved between providers: what they wrote — their follow-ups, their answer
 * links and the answers through them — is put again in each scope of its alumnus. Whether
 * provider staff receive such a record whole or withheld follows its author's provider
 * (access/follow-up-view.ts), so the provider left gets it withheld and the one entered whole.
 */
export async function authoredWorkPuts(db: Kysely<Database>, userId: string): Promise<FeedChange[]> {
  const links = await db.selectFrom('selfReportLinks').select(['id', 'alumnusId', 'followUpId']).where('createdBy', '=', userId).execute();
  const answers = links.flatMap((link) => (link.followUpId === null ? [] : [link.followUpId]));
  let followUps = db.selectFrom('followUps').select(['id', 'alumnusId']).where('officerId', '=', userId);
  if (answers.length > 0) followUps = followUps.union(db.selectFrom('followUps').select(['id', 'alumnusId']).where('id', 'in', answers));
  const records: { entity: 'followUps' | 'selfReportLinks'; id: string; alumnusId: string }[] = [
    ...(await followUps.execute()).map((row) => ({ entity: 'followUps' as const, ...row })),
    ...links.map((link) => ({ entity: 'selfReportLinks' as const, id: link.id, alumnusId: link.alumnusId })),
  ];
  const scopesOf = new Map<string, string[]>();
  const changes: FeedChange[] = [];
  for (const { entity, id, alumnusId } of records) {
    let scopes = scopesOf.get(alumnusId);
    if (scopes === undefined) {
      scopes = await syncScopesOfAlumnus(db, alumnusId);
      scopesOf.set(alumnusId, scopes);
    }
    for (const scope of scopes) changes.push({ scope, entity, id, op: 'put' });
  }
  return changes;
}
