import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.api';
import type { NewFollowUpRequest } from '../../shared/api/follow-ups.api';
import { FollowUpSchema, SELF_REPORT_CHANNEL, type FollowUp, type FollowUpRulesSchema } from '../../shared/schema';
import { assertAllowed, assertFactsInScope, scopeFactsOfAlumnus, syncScopesOfProviders, type AlumnusScopeFacts } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { findFollowUp, followUpExists, insertFollowUp } from '../db/follow-ups.repository';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { followUpPutsIn } from '../sync/alumnus-changes';
import { recordChanges } from '../sync/change-feed';
import type { Actor, AlumnusAuthor } from './actor';
import { validRecord } from './valid-record';
import { newRecordId } from '../../shared/record-id';

export type LoggedFollowUp = { followUp: FollowUp; created: boolean };

/** What was found on the contact: everything but the id, the timestamps and the void. */
const CONTENT = [
  'alumnusId', 'officerId', 'contactedAt', 'channel', 'reached', 'unreachedReason', 'status', 'statusStartDate',
  'employer', 'jobTitle', 'sector', 'incomeBand', 'businessName', 'businessKind', 'businessEmployees', 'revenueBand',
  'notes', 'gpsLat', 'gpsLng', 'gpsAccuracy', 'nextFollowUpDate',
] as const satisfies readonly (keyof FollowUp)[];

/**
 * Logs one contact attempt by `actor` (officers; provider staff for alumni of their own
 * provider), or an alumnus's own answer through their personal link (`AlumnusAuthor`:
 * channel `self-report`, about themselves only). Follow-ups are append-only and their ids
 * client-made, so logging is "insert if absent": the same id with the same content is
 * the same contact sent again (a retry, a second sync) and answers the stored record
 * with `created: false`; the same id with other content is a 409 `conflict`.
 */
export async function logFollowUp(trx: Kysely<Database>, actor: Actor | AlumnusAuthor, input: NewFollowUpRequest, now: Date): Promise<LoggedFollowUp> {
  const author = authorOf(actor, input);
  // One read for the scope check, the tombstone check and the feed's scopes: a push logs thousands.
  const alumnus = await scopeFactsOfAlumnus(trx, input.alumnusId);
  assertLoggable(author, alumnus);
  const followUp = followUpRecord(author, input, now);

  // A new id nearly always (a resend is rare): the whole record is read only when it is there.
  const existing = input.id !== undefined && (await followUpExists(trx, input.id)) ? await findFollowUp(trx, input.id) : undefined;
  if (existing !== undefined) return { followUp: sameContact(existing, followUp), created: false };
  await insertFollowUp(trx, followUp);
  await recordLogged(trx, author, followUp, alumnus, now);
  return { followUp, created: true };
}

/** Throws 404 unless the person exists, is not deleted, and (for a user) is within the user's scope. */
export function assertLoggable(author: Author, alumnus: AlumnusScopeFacts | undefined): asserts alumnus is AlumnusScopeFacts {
  if (author.user !== null) assertFactsInScope(author.user, alumnus);
  if (alumnus === undefined || alumnus.deleted) throw new DomainError('not-found', 404, { message: 'no such alumnus' });
}

/**
 * The follow-up `input` describes, as stored, checked against the entity schema — or,
 * for input whose every field its own schema has checked already (a pushed mutation's
 * arguments), only against the rules across fields (`FollowUpRulesSchema`).
 */
export function followUpRecord(author: Author, input: NewFollowUpRequest, now: Date, schema: typeof FollowUpSchema | typeof FollowUpRulesSchema = FollowUpSchema): FollowUp {
  const at = now.toISOString();
  // The server's fields are named before the input is copied in: V8 then copies it into an
  // object that already has them, where adding them after a copy reshapes the object at
  // each one — twice the cost of the whole record, and a push builds thousands. The input
  // holds none of them (NewFollowUpSchema keeps only its own fields), and the schema
  // answers the fields in its own order.
  return validRecord(schema, {
    createdAt: at,
    updatedAt: at,
    officerId: author.id,
    voidedAt: null,
    voidedBy: null,
    voidReason: '',
    ...input,
    id: input.id ?? newRecordId(),
    // Stored in UTC so that text order is time order whatever offset the device sent.
    contactedAt: new Date(input.contactedAt).toISOString(),
  });
}

/**
 * The stored follow-up when `logged` sent its id again with the same content (a retry,
 * a second sync); a different content under that id is a 409 `conflict`.
 */
export function sameContact(existing: FollowUp, logged: FollowUp): FollowUp {
  if (CONTENT.every((field) => existing[field] === logged[field])) return existing;
  throw new DomainError('conflict', 409, { message: 'a different follow-up was already logged with this id' });
}

/** The audit entry and change-feed rows of a follow-up just stored. */
export async function recordLogged(trx: Kysely<Database>, author: Author, followUp: FollowUp, alumnus: AlumnusScopeFacts, now: Date): Promise<void> {
  await recordAudit(trx, { userId: author.id, clientId: author.clientId, mutation: 'follow-up.log', entity: 'followUps', entityId: followUp.id, before: null, after: followUp, at: now });
  await recordChanges(trx, followUpPutsIn(syncScopesOfProviders(alumnus.providers), followUp.id), now);
}

export type Author = { id: string; clientId: string | null; user: SessionUser | null };

/**
 * Who writes the follow-up. A user must be allowed to log contacts and may not pose as
 * an alumnus answering (`self-report`); an alumnus answers only for themselves, and only
 * through that channel. The scope of a user is checked once the person is read.
 */
export function authorOf(actor: Actor | AlumnusAuthor, input: NewFollowUpRequest): Author {
  if ('alumnusId' in actor) {
    if (input.alumnusId !== actor.alumnusId || input.channel !== SELF_REPORT_CHANNEL) {
      throw new DomainError('forbidden', 403, { message: 'an alumnus answers only for themselves, through their link' });
    }
    return { id: actor.alumnusId, clientId: null, user: null };
  }
  assertAllowed(actor.user, 'write-follow-up');
  if (input.channel === SELF_REPORT_CHANNEL) {
    const details = [{ path: 'channel', code: 'invalid-choice' }];
    throw new DomainError('invalid-body', 400, { message: 'channel: only the alumnus answers through a self-report link', details });
  }
  return { id: actor.user.id, clientId: actor.clientId, user: actor.user };
}
