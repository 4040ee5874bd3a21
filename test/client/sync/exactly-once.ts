import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/db/schema';
import { readMeta } from '../../../src/client/storage/meta.repository';
import type { Member } from './sync-commands';

/**
 * How the server's record of one device's mutations differs from what the device
 * queued, as readable lines (empty: every `(clientId, mid)` settled exactly once, and
 * applied at most once). Read from the tables the changes write — results, audit log,
 * follow-ups — so a mutation applied twice shows as a second audit row or a changed
 * answer, whatever `lastMid` says.
 */
export async function exactlyOnceProblems(db: Kysely<Database>, member: Member): Promise<string[]> {
  const { device, queued } = member;
  const problems: string[] = [];
  const clientId = await readMeta(device.db, 'clientId');
  const handedOut = (await readMeta(device.db, 'lastMid')) ?? 0;
  if (clientId === undefined) return queued.length === 0 ? [] : ['queued mutations but never made a client id'];
  const mids = queued.map((q) => q.mid);
  if (mids.join() !== range(handedOut).join()) problems.push(`device handed out mids ${handedOut} but queued ${mids.join()}`);

  const client = await db.selectFrom('clients').select('lastMid').where('clientId', '=', clientId).executeTakeFirst();
  if (Number(client?.lastMid ?? 0) !== handedOut) problems.push(`server lastMid ${client?.lastMid} ≠ ${handedOut} handed out`);
  // The server keeps the results the device has not yet said it settled; the rest it
  // forgot, and their fate is what the device shows (checked against the audit below).
  const results = await db.selectFrom('mutationResults').select(['mid', 'status', 'code']).where('clientId', '=', clientId).orderBy('mid').execute();
  const stored = new Map(results.map((r) => [Number(r.mid), r.status]));
  const strays = [...stored.keys()].filter((mid) => !mids.includes(mid));
  if (strays.length > 0) problems.push(`results stored for mids never queued: ${strays.join()}`);

  // The device shows exactly the refusals the server recorded, and nothing still pending.
  const outbox = await device.db.outbox.toArray();
  const pending = outbox.filter((e) => e.status === 'pending').map((e) => e.mid);
  if (pending.length > 0) problems.push(`still pending on the device: ${pending.join()}`);
  const refusedHere = new Set(outbox.filter((e) => e.status === 'rejected').map((e) => e.mid));
  for (const [mid, fate] of stored) {
    if ((fate === 'rejected') !== refusedHere.has(mid)) problems.push(`mid ${mid} ${fate} on the server, ${refusedHere.has(mid) ? '' : 'not '}refused on the device`);
  }
  const status = new Map(mids.map((mid) => [mid, stored.get(mid) ?? (refusedHere.has(mid) ? 'rejected' : 'applied')]));
  // An edit settled against a later one is listed as refused, yet its other fields may stand.
  const supersededMids = new Set([
    ...results.filter((r) => r.code === 'superseded').map((r) => Number(r.mid)),
    ...outbox.filter((e) => e.rejection?.code === 'superseded').map((e) => e.mid),
  ]);

  const audit = await db.selectFrom('auditLog').select(['mutation', 'entityId']).where('clientId', '=', clientId).execute();
  const auditOf = (mutation: string) => audit.filter((row) => row.mutation === mutation);
  const applied = queued.filter((q) => status.get(q.mid) === 'applied');
  const appliedIds = (name: string) => new Set(applied.filter((q) => q.name === name).map((q) => String(q.args['id'])));

  // Creations: one audit row per record created, none for a refused or repeated one.
  for (const [name, mutation] of [['follow-up.log', 'follow-up.log'], ['follow-up.void', 'follow-up.void'], ['cohort.create', 'cohort.create'], ['enrollment.create', 'enrollment.create']] as const) {
    const rows = auditOf(mutation).map((row) => row.entityId).sort();
    const expected = [...appliedIds(name)].sort();
    if (rows.join() !== expected.join()) problems.push(`${mutation} audited for [${rows.join()}], applied for [${expected.join()}]`);
  }
  // Edits: a repeated edit could be a silent no-op, but never more audit rows than edits applied.
  const edits: [string, string][] = [['cohort.update', 'cohort.update'], ['enrollment.update', 'enrollment.update'], ['alumnus.update-contact', 'alumnus.contact'], ['alumnus.update-contact', 'alumnus.contact-superseded']];
  for (const [name, mutation] of edits) {
    const count = queued.filter((q) => q.name === name && (status.get(q.mid) === 'applied' || supersededMids.has(q.mid))).length;
    if (auditOf(mutation).length > count) problems.push(`${auditOf(mutation).length} ${mutation} audit rows for ${count} applied ${name}`);
  }

  // The follow-ups themselves: one row per id logged here, by this user, voided by them where a void applied.
  for (const id of appliedIds('follow-up.log')) {
    const rows = await db.selectFrom('followUps').select(['officerId']).where('id', '=', id).execute();
    if (rows.length !== 1 || rows[0]?.officerId !== device.user.id) problems.push(`follow-up ${id}: ${JSON.stringify(rows)}`);
  }
  for (const id of appliedIds('follow-up.void')) {
    const row = await db.selectFrom('followUps').select('voidedBy').where('id', '=', id).executeTakeFirst();
    if (row?.voidedBy !== device.user.id) problems.push(`follow-up ${id} voided by ${row?.voidedBy}`);
  }
  return problems;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
