import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../../src/server/auth/sessions';
import { updateUser } from '../../../src/server/users/users.service';
import {
  AlumnusSchema, CohortSchema, EnrollmentSchema, FollowUpSchema, ProviderSchema, SelfReportLinkSchema, UserNameSchema, VocationSchema,
} from '../../../src/shared/schema';
import { AreaPlaceSchema } from '../../../src/shared/schema/area-place.schema';
import type { SyncedEntity } from '../../../src/shared/sync/protocol';
import { describeEachDialect, useTestDatabase } from '../databases';
import { NOW, seedAlumnus, seedFollowUp } from '../data/seed';
import type { TestUser } from '../sign-in';
import { aClientId, applyChanges, followUpArgs, idsOf, mutation, seedSyncWorld, syncApi } from './sync-api';
import { outOfScope } from './scope-check';

const SCHEMAS: Record<SyncedEntity, v.GenericSchema> = {
  providers: ProviderSchema, vocations: VocationSchema, cohorts: CohortSchema, alumni: AlumnusSchema,
  enrollments: EnrollmentSchema, followUps: FollowUpSchema, users: UserNameSchema, selfReportLinks: SelfReportLinkSchema,
  areaPlaces: AreaPlaceSchema,
};

describeEachDialect('sync pull', (kind) => {
  const database = useTestDatabase(kind);

  it('sends everything readable in pages after a cursor, records as the API answers them, then only what changed', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { pull, pullAll, push } = syncApi(db, kind);
    const supervisor = world.users.supervisor;
    const client = aClientId();

    const first = await pullAll(supervisor, client, null, 3);
    expect(first.pages.length).toBeGreaterThan(5);
    expect(first.pages[0]?.reset).toBe(true);
    for (const page of first.pages.slice(1)) expect(page.reset).toBe(false);
    for (const page of first.pages) expect(page.changes.length).toBeLessThanOrEqual(3);
    for (const change of first.changes) {
      expect(change.op).toBe('put');
      if (change.op === 'put') expect(v.parse(SCHEMAS[change.entity], change.record)).toEqual(change.record);
    }
    const state = applyChanges(first.changes);
    expect(state.get('alumni')?.get(world.bOnly.id)).toEqual(world.bOnly);
    expect(state.get('followUps')?.get(world.followUps.bOnly.id)).toEqual(world.followUps.bOnly);
    expect(state.get('enrollments')?.get(world.enrollments.sharedB.id)).toEqual(world.enrollments.sharedB);
    expect(state.get('cohorts')?.get(world.cohortB.id)).toEqual(world.cohortB);
    expect([...(state.get('alumni')?.keys() ?? [])].sort()).toEqual([world.aOnly.id, world.bOnly.id, world.shared.id].sort());
    expect(state.get('followUps')?.size).toBe(4);
    expect(state.get('providers')?.size).toBe(2);
    // Users carry their name for display, nothing more: admins read the rest from /api/users.
    const user = state.get('users')?.get(world.users.staffA.id);
    expect(Object.keys(user ?? {}).sort()).toEqual(['createdAt', 'displayName', 'id', 'updatedAt']);

    const idle = await pull(supervisor, client, first.cursor);
    expect(idle.body).toEqual({ changes: [], cursor: first.cursor, more: false, lastMid: 0, reset: false });

    const logged = followUpArgs(world.bOnly.id);
    await push(world.users.officer, aClientId(), [mutation(1, 'follow-up.log', logged)]);
    const next = await pull(supervisor, client, first.cursor);
    expect(next.body.changes).toEqual([{ entity: 'followUps', op: 'put', id: logged.id, record: expect.objectContaining({ id: logged.id, officerId: world.users.officer.id }) as unknown }]);
    expect(next.body.cursor[`p:${world.providerB}`]).toBe((first.cursor[`p:${world.providerB}`] ?? 0) + 1);

    // A pull answers the client's lastMid, so a lost push response clears the outbox too.
    await push(supervisor, client, []);
    const mine = aClientId();
    await push(world.users.officer, mine, [mutation(7, 'follow-up.log', followUpArgs(world.aOnly.id))]);
    expect((await pull(world.users.officer, mine, null, 1)).body).toMatchObject({ lastMid: 7, more: true });
  });

  it('never sends provider staff another provider\'s rows, however the data changes', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { pullAll, push } = syncApi(db, kind);
    const { staffA, staffB } = world.users;
    const client = aClientId();
    const check = async (changes: Parameters<typeof outOfScope>[2]) => expect(await outOfScope(db, world.providerA, changes)).toEqual([]);

    const first = await pullAll(staffA, client, null, 2);
    await check(first.changes);
    const state = applyChanges(first.changes);
    expect([...(state.get('alumni')?.keys() ?? [])].sort()).toEqual([world.aOnly.id, world.shared.id].sort());
    expect([...(state.get('enrollments')?.keys() ?? [])].sort()).toEqual([world.enrollments.aOnly.id, world.enrollments.sharedA.id].sort());
    // The person trained at both: every follow-up, whoever logged it.
    expect([...(state.get('followUps')?.keys() ?? [])].sort()).toEqual(
      [world.followUps.aOnly.id, world.followUps.sharedByOfficer.id, world.followUps.sharedByStaffB.id].sort(),
    );
    expect(Object.keys(first.cursor).sort()).toEqual([`p:${world.providerA}`, 'shared']);

    // Provider B works on its own trainees and cohorts; the officer on everyone.
    const cohortB2 = randomUUID();
    const byB = await push(staffB, aClientId(), [
      mutation(1, 'follow-up.log', followUpArgs(world.bOnly.id, { notes: 'Bravo secret' })),
      mutation(2, 'cohort.update', { id: world.cohortB.id, patch: { title: 'Bravo renamed' }, base: { title: world.cohortB.title } }),
      mutation(3, 'cohort.create', { id: cohortB2, vocationId: world.vocationId, title: 'Bravo 2', fundingSource: 'apbn', budgetYear: 2024, startDate: '2024-09-02', endDate: '2024-09-30' }),
      mutation(4, 'enrollment.create', { id: randomUUID(), cohortId: cohortB2, alumnus: { id: randomUUID(), nik: world.bOnly.nik, name: world.bOnly.name, gender: 'female', birthDate: '1995-05-15', education: 'sma' } }),
      mutation(5, 'alumnus.update-contact', { id: world.bOnly.id, patch: { address: 'Bravo street' } }),
      mutation(6, 'alumnus.update-contact', { id: world.shared.id, patch: { address: 'Jl. Ganda 2' } }),
      mutation(7, 'follow-up.log', followUpArgs(world.shared.id)),
    ]);
    expect(byB.body.results.every((result) => result.status === 'applied')).toBe(true);
    const byOfficer = await push(world.users.officer, aClientId(), [
      mutation(1, 'follow-up.log', followUpArgs(world.bOnly.id)),
      mutation(2, 'follow-up.void', { id: world.followUps.aOnly.id, reason: 'salah orang' }),
    ]);
    expect(byOfficer.body.results.every((result) => result.status === 'applied')).toBe(true);
    const next = await pullAll(staffA, client, first.cursor, 2);
    await check(next.changes);
    expect(next.pages.every((page) => !page.reset)).toBe(true);
    expect(next.changes.filter((c) => c.entity === 'alumni' && c.op === 'put').map((c) => c.id)).toEqual([world.shared.id]);
    expect(idsOf(next.changes, 'followUps')).toHaveLength(2); // the one logged for the shared person, and the void
    expect(idsOf(next.changes, 'cohorts')).toEqual([]);
    expect(next.changes.filter((c) => c.op === 'delete')).toEqual([]);
    expect(JSON.stringify(next.changes)).not.toContain('Bravo');

    // A cursor naming another provider's scope is not followed: the device starts over.
    const forged = await pullAll(staffA, client, { ...next.cursor, [`p:${world.providerB}`]: 0 }, 1000);
    expect(forged.pages[0]?.reset).toBe(true);
    await check(forged.changes);
    expect(Object.keys(forged.cursor)).not.toContain(`p:${world.providerB}`);
  });

  it('makes the next pull start over when a user\'s provider or role changes', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { pull, pullAll } = syncApi(db, kind);
    const client = aClientId();
    const before = await pullAll(world.users.staffA, client, null);
    expect(applyChanges(before.changes).get('alumni')?.has(world.bOnly.id)).toBe(false);

    // Moved to provider B: the old cursor names a scope no longer readable.
    await updateUser(db, world.users.staffA.id, { providerId: world.providerB }, world.users.admin.id, NOW);
    const movedUser: TestUser = { ...world.users.staffA, providerId: world.providerB, cookie: await cookieFor(world.users.staffA.id) };
    const moved = await pullAll(movedUser, client, before.cursor);
    expect(moved.pages[0]?.reset).toBe(true);
    await expect(outOfScope(db, world.providerB, moved.changes)).resolves.toEqual([]);
    const state = applyChanges(moved.changes);
    expect([...(state.get('alumni')?.keys() ?? [])].sort()).toEqual([world.bOnly.id, world.shared.id].sort());
    expect(Object.keys(moved.cursor).sort()).toEqual([`p:${world.providerB}`, 'shared']);

    // Now an officer: the cursor is still readable, the scopes gained are sent from the start, nothing is reset.
    await updateUser(db, world.users.staffA.id, { role: 'officer', providerId: null }, world.users.admin.id, NOW);
    const officer: TestUser = { ...movedUser, role: 'officer', providerId: null, cookie: await cookieFor(world.users.staffA.id) };
    const widened = await pullAll(officer, client, moved.cursor);
    expect(widened.pages.every((page) => !page.reset)).toBe(true);
    expect(idsOf(widened.changes, 'alumni')).toEqual([world.aOnly.id, world.shared.id].sort());
    expect(idsOf(widened.changes, 'cohorts')).toEqual([world.cohortA.id]);
    // The user's own record changed in the shared scope, sent as the name alone: no device learns the new role or provider.
    const mine = (await pull(officer, client, { shared: moved.cursor['shared'] ?? 0 })).body.changes;
    const put = mine.find((c) => c.entity === 'users' && c.id === officer.id);
    expect(put?.op === 'put' && Object.keys(put.record).sort()).toEqual(['createdAt', 'displayName', 'id', 'updatedAt']);
  });

  it('versions a person in every scope they belong to, and moves them between scopes as they enrol', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    // Someone known before any enrollment (an older record): in `unassigned`, read only by roles that read every provider.
    const walkIn = await seedAlumnus(db, { name: 'Dewi Tanpa Kelas' });
    const walkInFollowUp = await seedFollowUp(db, { alumnusId: walkIn.id, officerId: world.users.officer.id });
    const { recordSnapshot } = await import('../../../src/server/sync/record-snapshot');
    await recordSnapshot(db, NOW);
    const { pullAll, push } = syncApi(db, kind);
    const cursors = { officer: aClientId(), staffA: aClientId(), staffB: aClientId() };
    const start = {
      officer: await pullAll(world.users.officer, cursors.officer, null),
      staffA: await pullAll(world.users.staffA, cursors.staffA, null),
      staffB: await pullAll(world.users.staffB, cursors.staffB, null),
    };
    expect(applyChanges(start.officer.changes).get('alumni')?.has(walkIn.id)).toBe(true);
    expect(applyChanges(start.staffA.changes).get('alumni')?.has(walkIn.id)).toBe(false);

    // One contact edit of the person trained at A and B reaches both providers' staff.
    await push(world.users.officer, aClientId(), [mutation(1, 'alumnus.update-contact', { id: world.shared.id, patch: { whatsapp: '0813 4444 0004' } })]);
    const feed = await db.selectFrom('changeLog').select('scope').where('entityId', '=', world.shared.id).execute();
    expect(feed.map((row) => row.scope).sort()).toEqual([`p:${world.providerA}`, `p:${world.providerB}`].sort());
    const after = { staffA: start.staffA.cursor, staffB: start.staffB.cursor };
    for (const who of ['staffA', 'staffB'] as const) {
      const next = await pullAll(world.users[who], cursors[who], start[who].cursor);
      after[who] = next.cursor;
      expect(next.changes).toEqual([{
        entity: 'alumni', op: 'put', id: world.shared.id, record: expect.objectContaining({ whatsapp: '+6281344440004' }) as unknown,
        // The clock the field was set with: the device merges it before its next edit.
        clocks: { whatsapp: expect.stringMatching(/^\d{15}:\d{5}:device$/) as unknown },
      }]);
    }

    // A enrols the walk-in and B enrols A's trainee: each provider receives the person with their history.
    const enrol = (person: typeof walkIn, cohortId: string) =>
      mutation(1, 'enrollment.create', { id: randomUUID(), cohortId, alumnus: { id: randomUUID(), nik: person.nik, name: person.name, gender: person.gender, birthDate: person.birthDate, education: person.education } });
    expect((await push(world.users.staffA, aClientId(), [enrol(walkIn, world.cohortA.id)])).body.results).toEqual([{ mid: 1, status: 'applied' }]);
    expect((await push(world.users.staffB, aClientId(), [enrol(world.aOnly, world.cohortB.id)])).body.results).toEqual([{ mid: 1, status: 'applied' }]);
    const staffA = await pullAll(world.users.staffA, cursors.staffA, after.staffA);
    expect(idsOf(staffA.changes, 'alumni')).toEqual([walkIn.id]);
    expect(idsOf(staffA.changes, 'followUps')).toEqual([walkInFollowUp.id]);
    expect(idsOf(staffA.changes, 'enrollments')).toHaveLength(1);
    const staffB = await pullAll(world.users.staffB, cursors.staffB, after.staffB);
    expect(idsOf(staffB.changes, 'alumni')).toEqual([world.aOnly.id]);
    expect(idsOf(staffB.changes, 'followUps')).toEqual([world.followUps.aOnly.id]);
    await expect(outOfScope(db, world.providerB, staffB.changes)).resolves.toEqual([]);

    // The walk-in left `unassigned`; the officer, who reads A as well, keeps them: never a delete.
    const unassigned = await db.selectFrom('changeLog').select(['entityId', 'op']).where('scope', '=', 'unassigned').execute();
    expect(unassigned.map((row) => row.op)).toEqual(['delete', 'delete']);
    const officer = await pullAll(world.users.officer, cursors.officer, start.officer.cursor);
    expect(officer.changes.filter((c) => c.op === 'delete')).toEqual([]);
    const officerState = applyChanges(officer.changes, applyChanges(start.officer.changes));
    expect(officerState.get('alumni')?.get(walkIn.id)).toEqual(walkIn);
    expect(officerState.get('followUps')?.has(walkInFollowUp.id)).toBe(true);
  });

  async function cookieFor(userId: string): Promise<string> {
    const { token } = await createSession(database.current.db, userId, new Date());
    return `${SESSION_COOKIE}=${token}`;
  }
});
