import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { expect, it, vi } from 'vitest';
import type { Database } from '../../../src/server/db/schema';
import { describeEachDialect, useTestDatabase } from '../databases';
import { seedAlumnus, seedCohort, seedEnrollment } from '../data/seed';
import { aClientId, followUpArgs, idsOf, mutation, seedSyncWorld, syncApi } from './sync-api';

/*
 * A push applies its mutations a group per transaction and writes the group's audit,
 * change-feed and result rows once, at its end (src/server/db/deferred-writes.ts). What
 * each mutation leaves behind must still be exactly what it would leave alone: nothing
 * for a refused one, everything once for the others, whatever else failed in the group.
 */
describeEachDialect('sync push, a group per transaction', (kind) => {
  const database = useTestDatabase(kind);

  it('a refusal in the middle of a group leaves none of its rows, audit and feed included; the others are written', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    // A person removed with their enrollment: enrolling them again in the same cohort first
    // restores them (a write and an audit entry), then finds the old enrollment and refuses.
    await db.updateTable('alumni').set({ deleted: 1 }).where('id', '=', world.aOnly.id).execute();
    await db.updateTable('enrollments').set({ deleted: 1 }).where('id', '=', world.enrollments.aOnly.id).execute();
    const { nik, name, gender, birthDate, education } = world.aOnly;
    const before = await feedOf(db);
    const client = aClientId();
    const first = followUpArgs(world.shared.id);
    const third = followUpArgs(world.shared.id, { status: 'employed', employer: 'PT Badak' });

    const sent = await push(world.users.staffA, client, [
      mutation(1, 'follow-up.log', first),
      mutation(2, 'enrollment.create', { id: randomUUID(), cohortId: world.cohortA.id, alumnus: { id: randomUUID(), nik, name, gender, birthDate, education } }),
      mutation(3, 'follow-up.log', third),
    ]);

    expect(sent.status).toBe(200);
    expect(sent.body.results.map((r) => [r.mid, r.status, r.status === 'rejected' ? r.code : null])).toEqual([
      [1, 'applied', null],
      [2, 'rejected', 'conflict'],
      [3, 'applied', null],
    ]);
    const alumnus = await db.selectFrom('alumni').select('deleted').where('id', '=', world.aOnly.id).executeTakeFirstOrThrow();
    expect(Number(alumnus.deleted)).toBe(1);
    const audit = await db.selectFrom('auditLog').select(['mutation', 'entityId']).where('clientId', '=', client).orderBy('at').execute();
    expect(audit).toEqual([
      { mutation: 'follow-up.log', entityId: first.id },
      { mutation: 'follow-up.log', entityId: third.id },
    ]);
    // The feed gained the two follow-ups in each scope of their alumnus, nothing else.
    const after = await feedOf(db);
    const gained = [...after.rows.entries()].filter(([key, version]) => before.rows.get(key) !== version).map(([key]) => key).sort();
    const scopes = [`p:${world.providerA}`, `p:${world.providerB}`];
    expect(gained).toEqual(scopes.flatMap((scope) => [first.id, third.id].map((id) => `${scope} followUps ${id}`)).sort());
    for (const scope of scopes) expect(after.versions.get(scope)).toBe((before.versions.get(scope) ?? 0) + 2);
    const stored = await db.selectFrom('mutationResults').select('mid').where('clientId', '=', client).orderBy('mid').execute();
    expect(stored.map((row) => Number(row.mid))).toEqual([1, 2, 3]);
  });

  it('after a transient failure mid-group, the mutations before it are written once and the retry adds the rest once', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    let failAt: number | null = 3;
    const { push } = syncApi(db, kind, {
      hooks: { beforeCommit: (_trx, m) => (m.mid === failAt ? Promise.reject(new Error('simulated lock timeout')) : Promise.resolve()) },
    });
    const client = aClientId();
    const args = [1, 2, 3, 4].map(() => followUpArgs(world.aOnly.id));
    const mutations = args.map((a, i) => mutation(i + 1, 'follow-up.log', a));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const failed = await push(world.users.officer, client, mutations);
    logged.mockRestore();
    expect([failed.status, failed.body.lastMid, failed.body.results.map((r) => r.mid)]).toEqual([503, 2, [1, 2]]);
    expect(await auditedIds(db, client)).toEqual([args[0]?.id, args[1]?.id].sort());
    expect(await fedIds(db, `p:${world.providerA}`, args.map((a) => a.id))).toEqual([args[0]?.id, args[1]?.id].sort());

    failAt = null;
    const retried = await push(world.users.officer, client, mutations);
    expect(retried.body).toEqual({ lastMid: 4, results: [1, 2, 3, 4].map((mid) => ({ mid, status: 'applied' })) });
    const all = args.map((a) => a.id).sort();
    expect(await auditedIds(db, client)).toEqual(all);
    expect(await fedIds(db, `p:${world.providerA}`, args.map((a) => a.id))).toEqual(all);
    expect(await db.selectFrom('mutationResults').select('mid').where('clientId', '=', client).execute()).toHaveLength(4);
  });

  it('versions a pushed follow-up in each scope of its person, read with the checks; a removed person is not found', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    const walkIn = await seedAlumnus(db, { name: 'Dewi Tanpa Kelas' }); // enrolled nowhere
    const removed = await seedAlumnus(db, { name: 'Eko Dihapus', deleted: true });
    // Trained twice at A: still one row in A's scope.
    const again = await seedCohort(db, { providerId: world.providerA, vocationId: world.vocationId, title: 'Barbershop Alfa II' });
    await seedEnrollment(db, { cohortId: again.id, alumnusId: world.aOnly.id });
    const logs = { twice: followUpArgs(world.aOnly.id), shared: followUpArgs(world.shared.id), walkIn: followUpArgs(walkIn.id), removed: followUpArgs(removed.id) };

    const sent = await push(world.users.officer, aClientId(), Object.values(logs).map((args, i) => mutation(i + 1, 'follow-up.log', args)));

    expect(sent.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['applied', 'applied', 'applied', 'not-found']);
    const scopesOf = async (id: string) =>
      (await db.selectFrom('changeLog').select('scope').where('entityId', '=', id).execute()).map((row) => row.scope).sort();
    expect(await scopesOf(logs.twice.id)).toEqual([`p:${world.providerA}`]);
    expect(await scopesOf(logs.shared.id)).toEqual([`p:${world.providerA}`, `p:${world.providerB}`].sort());
    expect(await scopesOf(logs.walkIn.id)).toEqual(['unassigned']);
    expect(await scopesOf(logs.removed.id)).toEqual([]);
  });

  it('a record changed twice in one group is one feed row per scope, pulled with its last state', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push, pullAll } = syncApi(db, kind);
    const reader = aClientId();
    const start = (await pullAll(world.users.staffA, reader, null)).cursor;
    const logged = followUpArgs(world.shared.id);

    const sent = await push(world.users.officer, aClientId(), [
      mutation(1, 'follow-up.log', logged),
      mutation(2, 'follow-up.void', { id: logged.id, reason: 'salah orang' }),
      mutation(3, 'alumnus.update-contact', { id: world.shared.id, patch: { phone: '0813 5555 0001' } }),
      mutation(4, 'alumnus.update-contact', { id: world.shared.id, patch: { whatsapp: '0813 5555 0002' } }, { ms: Date.parse('2024-09-01T00:00:00Z') }),
    ]);
    expect(sent.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);

    const feed = await db.selectFrom('changeLog').select(['scope', 'entity', 'entityId']).where('entityId', 'in', [logged.id, world.shared.id]).execute();
    expect(feed).toHaveLength(4); // the follow-up and the person, each in A's scope and B's
    const pulled = await pullAll(world.users.staffA, reader, start);
    expect(idsOf(pulled.changes, 'followUps')).toEqual([logged.id]);
    expect(idsOf(pulled.changes, 'alumni')).toEqual([world.shared.id]);
    const record = (entity: string) => pulled.changes.find((c) => c.entity === entity && c.op === 'put');
    // Voided in its last state; the reason stays with the officer's side (written outside provider A).
    expect(record('followUps')).toMatchObject({ record: { voidedAt: expect.any(String) as unknown } });
    expect(record('alumni')).toMatchObject({ record: { phone: '+6281355550001', whatsapp: '+6281355550002' } });
  });

  it('a run of logged follow-ups settles each exactly as it would alone: refusals, resends and conflicts in order, steps kept', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    await db.updateTable('alumni').set({ deleted: 1 }).where('id', '=', world.aOnly.id).execute();
    const client = aClientId();
    const first = followUpArgs(world.shared.id, { contactedAt: '2024-09-01T02:00:00.000Z' });
    const later = followUpArgs(world.shared.id, { contactedAt: '2024-09-20T02:00:00.000Z', status: 'business', businessName: 'Cukur Citra' });
    const stored = world.followUps.sharedByOfficer;
    const run = [
      mutation(1, 'follow-up.log', first),
      mutation(2, 'follow-up.log', followUpArgs(world.bOnly.id)), // provider B's person: not found for staff of A
      mutation(3, 'follow-up.log', followUpArgs(world.aOnly.id)), // removed
      mutation(4, 'follow-up.log', { ...followUpArgs(world.shared.id), channel: 'pigeon' }),
      mutation(5, 'follow-up.log', first), // the same contact again in the run
      mutation(6, 'follow-up.log', { ...first, notes: 'lain' }), // its id with other content
      mutation(7, 'follow-up.log', { ...followUpArgs(world.shared.id), id: stored.id }), // an id stored before, other content
      mutation(8, 'follow-up.log', later),
    ];

    const sent = await push(world.users.staffA, client, run);

    expect(sent.status).toBe(200);
    expect(sent.body.results.map((r) => [r.mid, r.status === 'rejected' ? r.code : r.status])).toEqual([
      [1, 'applied'], [2, 'not-found'], [3, 'not-found'], [4, 'invalid-body'], [5, 'applied'], [6, 'conflict'], [7, 'conflict'], [8, 'applied'],
    ]);
    expect(await auditedIds(db, client)).toEqual([first.id, later.id].sort());
    const rows = await db.selectFrom('followUps').select(['id', 'notes']).where('alumnusId', '=', world.shared.id).execute();
    expect(rows.map(({ id }) => id).sort()).toEqual([first.id, later.id, stored.id, world.followUps.sharedByStaffB.id].sort());
    expect(rows.find(({ id }) => id === first.id)?.notes).toBe('');
    // The person's steps are those of all their contacts (employed as seeded), the run's included.
    const steps = await db.selectFrom('statusSteps').select(['onDay', 'status']).where('alumnusId', '=', world.shared.id).orderBy('onDay').execute();
    expect(steps).toEqual([{ onDay: '2024-07-03', status: 'employed' }, { onDay: '2024-09-01', status: 'seeking' }, { onDay: '2024-09-20', status: 'business' }]);
    const results = await db.selectFrom('mutationResults').select('mid').where('clientId', '=', client).orderBy('mid').execute();
    expect(results.map((row) => Number(row.mid))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

/** Every feed row's version by "scope entity id", and each scope's version. */
async function feedOf(db: Kysely<Database>) {
  const rows = await db.selectFrom('changeLog').select(['scope', 'entity', 'entityId', 'version']).execute();
  const versions = await db.selectFrom('scopeVersions').select(['scope', 'version']).execute();
  return {
    rows: new Map(rows.map((row) => [`${row.scope} ${row.entity} ${row.entityId}`, Number(row.version)])),
    versions: new Map(versions.map((row) => [row.scope, Number(row.version)])),
  };
}

async function auditedIds(db: Kysely<Database>, clientId: string): Promise<string[]> {
  const rows = await db.selectFrom('auditLog').select('entityId').where('clientId', '=', clientId).where('mutation', '=', 'follow-up.log').execute();
  return rows.map((row) => row.entityId).sort();
}

/** Which of the follow-ups `ids` the feed of `scope` holds. */
async function fedIds(db: Kysely<Database>, scope: string, ids: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom('changeLog').select('entityId').where('scope', '=', scope).where('entity', '=', 'followUps').where('entityId', 'in', ids).execute();
  return rows.map((row) => row.entityId).sort();
}
