import type { Kysely } from 'kysely';
import type { AlumnusContactPatch } from '../../shared/api/alumni.api';
import type { Alumnus } from '../../shared/schema';
import { compareHlc, decodeHlc, encodeHlc, tickHlc } from '../../shared/sync/hlc';
import { assertAllowed, assertAlumnusInScope } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { findAlumnus, updateAlumnusRow } from '../db/alumni.repository';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { alumnusPuts } from '../sync/alumnus-changes';
import { recordChanges } from '../sync/change-feed';
import type { Actor } from './actor';
import { keepLosingValue, readFieldClocks, writeFieldClock } from './field-clocks';

type ContactField = keyof AlumnusContactPatch;

/** The node name of clocks the server makes for direct API edits. */
const SERVER_NODE = 'server';

/** Fields of a device's edit that an edit with a later clock had already settled: its values, and the ones kept. */
export type SupersededFields = { yours: Partial<AlumnusContactPatch>; kept: Partial<AlumnusContactPatch> };

/**
 * Corrects an alumnus's phone, WhatsApp or address (officers, and provider staff for
 * their own alumni). Two officers may correct the same person offline: each field is
 * settled on its own, last writer wins by hybrid logical clock, so an edit of the phone
 * never undoes someone else's edit of the address. The value that loses — the one
 * replaced, or the one that arrived with an older clock — is kept in the field history,
 * and a late loser in the audit log too. A patch that changes nothing writes nothing
 * and is not audited.
 */
export async function updateAlumnusContact(
  trx: Kysely<Database>,
  actor: Actor,
  input: { id: string; patch: AlumnusContactPatch },
  now: Date,
): Promise<Alumnus> {
  return (await settleAlumnusContact(trx, actor, input, now)).alumnus;
}

/**
 * updateAlumnusContact, also answering which of the edit's fields lost (null when none
 * did), so the push can tell the device whose edit was settled against.
 */
export async function settleAlumnusContact(
  trx: Kysely<Database>,
  actor: Actor,
  input: { id: string; patch: AlumnusContactPatch },
  now: Date,
): Promise<{ alumnus: Alumnus; superseded: SupersededFields | null }> {
  const { user } = actor;
  assertAllowed(user, 'write-alumnus-contact');
  await assertAlumnusInScope(trx, user, input.id);
  const before = await findAlumnus(trx, input.id);
  if (before === undefined || before.deleted) throw new DomainError('not-found', 404, { message: 'no such alumnus' });

  const key = { entity: 'alumni', entityId: before.id };
  const fields = (Object.keys(input.patch) as ContactField[]).filter((field) => input.patch[field] !== undefined);
  const clocks = await readFieldClocks(trx, key, fields);
  const changes: Partial<Alumnus> = {};
  const lost: { field: ContactField; value: unknown; hlc: string; kept: unknown; keptHlc: string }[] = [];
  for (const field of fields) {
    const value = input.patch[field];
    const stored = clocks.get(field) ?? null;
    const hlc = actor.hlc ?? serverClockAfter(stored, now);
    if (stored !== null && compareHlc(hlc, stored) <= 0) {
      if (value !== before[field]) lost.push({ field, value, hlc, kept: before[field], keptHlc: stored });
      continue;
    }
    await writeFieldClock(trx, key, field, hlc);
    if (value !== before[field]) {
      await keepLosingValue(trx, key, { field, value: before[field], hlc: stored ?? '' }, now);
      Object.assign(changes, { [field]: value });
    }
  }

  for (const loser of lost) await keepLosingValue(trx, key, loser, now);
  if (lost.length > 0) {
    await recordAudit(trx, {
      userId: user.id, clientId: actor.clientId, mutation: 'alumnus.contact-superseded', entity: 'alumni', entityId: before.id,
      before: Object.fromEntries(lost.map(({ field, value, hlc }) => [field, { value, hlc }])),
      after: Object.fromEntries(lost.map(({ field, kept, keptHlc }) => [field, { value: kept, hlc: keptHlc }])),
      at: now,
    });
  }
  const superseded = lost.length === 0 ? null : {
    yours: Object.fromEntries(lost.map(({ field, value }) => [field, value])),
    kept: Object.fromEntries(lost.map(({ field, kept }) => [field, kept])),
  };
  if (Object.keys(changes).length === 0) return { alumnus: before, superseded };

  const after: Alumnus = { ...before, ...changes, updatedAt: now.toISOString() };
  await updateAlumnusRow(trx, after);
  await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'alumnus.contact', entity: 'alumni', entityId: after.id, before, after, at: now });
  await recordChanges(trx, await alumnusPuts(trx, after.id), now);
  return { alumnus: after, superseded };
}

/** A clock for an edit made on the server now: after the stored one, whatever the device clocks said. */
function serverClockAfter(stored: string | null, now: Date): string {
  return encodeHlc(tickHlc(stored === null ? null : decodeHlc(stored), now.getTime(), SERVER_NODE));
}
