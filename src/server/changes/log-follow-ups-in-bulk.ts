import type { Kysely } from 'kysely';
import type { NewFollowUpRequest } from '../../shared/api/follow-ups.api';
import { FollowUpRulesSchema, type FollowUp } from '../../shared/schema';
import { scopeFactsOfAlumni, type AlumnusScopeFacts } from '../access/scope';
import { findFollowUps, insertFollowUps } from '../db/follow-ups.repository';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import type { Actor } from './actor';
import { assertLoggable, authorOf, followUpRecord, recordLogged, sameContact, type Author } from './log-follow-up';

/** One follow-up of a run, with the time its mutation is stamped with. */
export type LogInBulk = { input: NewFollowUpRequest; now: Date };

/**
 * Logs a run of follow-ups exactly as `logFollowUp` would one after the other, with a
 * handful of statements for the whole run instead of several per follow-up: one read of
 * the people's scope facts, one of the ids already stored, multi-row INSERTs and one
 * refresh of the people's status steps. A phone back online after days sends hundreds
 * of contacts at once; this is most of what makes that push fast.
 *
 * Answers, in order, null for each follow-up logged (or sent again with the same
 * content) and the DomainError each refused one would have thrown. The writes come
 * after every check, so a refusal writes nothing. When a write fails (a unique key
 * another writer took meanwhile, a constraint) this throws and has deferred nothing:
 * the caller rolls back to a savepoint taken before and logs the run one by one, which
 * tells the guilty follow-up from the others.
 */
export async function logFollowUpsInBulk(trx: Kysely<Database>, actor: Actor, run: readonly LogInBulk[]): Promise<(DomainError | null)[]> {
  const people = await scopeFactsOfAlumni(trx, run.map(({ input }) => input.alumnusId));
  const known = await findFollowUps(trx, run.flatMap(({ input }) => (input.id === undefined ? [] : [input.id])));
  const outcomes: (DomainError | null)[] = [];
  const logged: { author: Author; followUp: FollowUp; alumnus: AlumnusScopeFacts; now: Date }[] = [];
  for (const { input, now } of run) {
    try {
      const author = authorOf(actor, input);
      const alumnus = people.get(input.alumnusId);
      assertLoggable(author, alumnus);
      // Every field was checked by the mutation's schema on its way in: only the rules across fields are left.
      const followUp = followUpRecord(author, input, now, FollowUpRulesSchema);
      // Stored before, or earlier in this run: the same contact sent again, or a conflict.
      const existing = known.get(followUp.id);
      if (existing !== undefined) sameContact(existing, followUp);
      else {
        known.set(followUp.id, followUp);
        logged.push({ author, followUp, alumnus, now });
      }
      outcomes.push(null);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.push(error);
    }
  }
  await insertFollowUps(trx, logged.map(({ followUp }) => followUp));
  for (const { author, followUp, alumnus, now } of logged) await recordLogged(trx, author, followUp, alumnus, now);
  return outcomes;
}
