import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AlumnusDetailResponse } from '../../../src/shared/api/alumni.api';
import type { EnrollmentResponse, NewEnrollmentResponse } from '../../../src/shared/api/enrollments.api';
import { describeEachDialect, useTestDatabase } from '../databases';
import { auditOf, dataApi, seedFollowUp } from '../data/seed';
import { aClientId, applyChanges, mutation, seedSyncWorld, syncApi } from '../sync/sync-api';

/** Bambang Bravo (world.bOnly), trained at B only, as A's clerk would type him. */
const BAMBANG = { nik: '6472015505950007', name: 'Bambang Bravo', gender: 'female', birthDate: '1995-05-15', education: 'sma' } as const;

/** Nothing of what B stores of the person may appear in an answer to A. */
function expectNothingOfBambang(body: unknown): void {
  const text = JSON.stringify(body);
  for (const secret of ['Bambang', 'Bravo', '1995-05-15', '81299990007', '81299990008', 'secret']) expect(text).not.toContain(secret);
}

describeEachDialect('enrolling a person another provider trained', (kind) => {
  const database = useTestDatabase(kind);

  it('refuses a known NIK with another name or birth date, saying nothing of the person; attaches them when both agree', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { send } = dataApi(db, kind);
    const staffA = world.users.staffA.cookie;

    const wrong: [label: string, alumnus: Record<string, unknown>][] = [
      ['another name', { ...BAMBANG, name: 'Rudi Hartono' }],
      ['an initial for a word', { ...BAMBANG, name: 'Bambang B.' }],
      ['another birth date', { ...BAMBANG, birthDate: '1995-05-16' }],
      ['the right name in another century', { ...BAMBANG, birthDate: '1895-05-15' }],
    ];
    for (const [label, alumnus] of wrong) {
      const refused = await send('POST', '/api/enrollments', staffA, { cohortId: world.cohortA.id, alumnus });
      expect({ label, status: refused.status, body: refused.body }).toEqual({
        label, status: 409,
        body: { error: { code: 'nik-belongs-to-other', message: 'this NIK belongs to someone else; check it', details: [{ path: 'alumnus.nik', code: 'nik-belongs-to-other' }] } },
      });
      expectNothingOfBambang(refused.body);
    }
    const stillB = await send('GET', `/api/alumni/${world.bOnly.id}`, staffA);
    expect(stillB.status).toBe(404);
    expect(await db.selectFrom('enrollments').select('id').where('alumnusId', '=', world.bOnly.id).execute()).toHaveLength(1);

    // Typed as the clerk reads the ID card: capitals, extra spaces, old spelling is forgiven.
    const attached = await send<NewEnrollmentResponse>('POST', '/api/enrollments', staffA, { cohortId: world.cohortA.id, alumnus: { ...BAMBANG, name: '  BAMBANG   BRAVO ' } });
    expect(attached.status).toBe(201);
    expect(attached.body.alumnusCreated).toBe(false);
    expect(attached.body.alumnus).toEqual(world.bOnly);
    const seen = await send<AlumnusDetailResponse>('GET', `/api/alumni/${world.bOnly.id}`, staffA);
    expect(seen.status).toBe(200);
    expect(seen.body.enrollments.map((e) => e.id)).toEqual([attached.body.enrollment.id]);
  });

  it('refuses the same through the sync push, and the pull of the refused clerk holds nothing of the person', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push, pullAll } = syncApi(db, kind);
    const client = aClientId();
    const before = await pullAll(world.users.staffA, client, null);

    const args = { id: randomUUID(), cohortId: world.cohortA.id, alumnus: { ...BAMBANG, id: randomUUID(), name: 'Siti Rahma' } };
    const pushed = await push(world.users.staffA, client, [mutation(1, 'enrollment.create', args)]);
    expect(pushed.body.results).toEqual([
      { mid: 1, status: 'rejected', code: 'nik-belongs-to-other', message: 'this NIK belongs to someone else; check it', details: [{ path: 'alumnus.nik', code: 'nik-belongs-to-other' }] },
    ]);
    expectNothingOfBambang(pushed.body);
    const after = await pullAll(world.users.staffA, client, before.cursor);
    expect(after.changes).toEqual([]);

    const right = { id: randomUUID(), cohortId: world.cohortA.id, alumnus: { ...BAMBANG, id: randomUUID() } };
    const accepted = await push(world.users.staffA, client, [mutation(2, 'enrollment.create', right)]);
    expect(accepted.body.results).toEqual([{ mid: 2, status: 'applied' }]);
    const joined = await pullAll(world.users.staffA, client, after.cursor);
    const state = applyChanges(joined.changes);
    expect(state.get('alumni')?.get(world.bOnly.id)).toMatchObject({ name: 'Bambang Bravo' });
    expect(state.get('enrollments')?.get(right.id)).toMatchObject({ alumnusId: world.bOnly.id });
  });

  it('withdraws an enrolment made in error, with its reason in the audit log; the person leaves the provider\'s pull', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { send } = dataApi(db, kind);
    const { pullAll } = syncApi(db, kind);
    const client = aClientId();
    const staffA = world.users.staffA;
    const attached = await send<NewEnrollmentResponse>('POST', '/api/enrollments', staffA.cookie, { cohortId: world.cohortA.id, alumnus: BAMBANG });
    const enrolmentId = attached.body.enrollment.id;
    const first = await pullAll(staffA, client, null);
    expect(applyChanges(first.changes).get('alumni')?.has(world.bOnly.id)).toBe(true);

    const path = `/api/enrollments/${enrolmentId}/withdraw`;
    const cases: [who: keyof typeof world.users, body: unknown, status: number, code: string][] = [
      ['staffA', { reason: '  ' }, 400, 'invalid-body'],
      ['staffA', {}, 400, 'invalid-body'],
      ['staffB', { reason: 'not ours' }, 404, 'not-found'],
      ['officer', { reason: 'x' }, 403, 'forbidden'],
      ['supervisor', { reason: 'x' }, 403, 'forbidden'],
    ];
    for (const [who, body, status, code] of cases) {
      const refused = await send('POST', path, world.users[who].cookie, body);
      expect({ who, status: refused.status, code: refused.body.error.code }).toEqual({ who, status, code });
    }

    const withdrawn = await send<EnrollmentResponse>('POST', path, staffA.cookie, { reason: 'wrong person: NIK typed from the wrong form' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.enrollment).toMatchObject({ id: enrolmentId, deleted: true });
    // One instant for both entries (a fixed clock): their order in the log is not the point.
    const audit = await auditOf(db, enrolmentId);
    expect(audit.map((entry) => entry.mutation).sort()).toEqual(['enrollment.create', 'enrollment.withdraw']);
    expect(audit.find((entry) => entry.mutation === 'enrollment.withdraw')).toEqual(
      { mutation: 'enrollment.withdraw', entity: 'enrollments', userId: staffA.id, before: attached.body.enrollment,
        after: { ...withdrawn.body.enrollment, withdrawReason: 'wrong person: NIK typed from the wrong form' } },
    );
    const again = await send('POST', path, staffA.cookie, { reason: 'twice' });
    expect(again.status).toBe(404);

    const next = await pullAll(staffA, client, first.cursor);
    const state = applyChanges(next.changes, applyChanges(first.changes));
    expect(state.get('alumni')?.has(world.bOnly.id)).toBe(false);
    expect(state.get('followUps')?.has(world.followUps.bOnly.id)).toBe(false);
    expect(state.get('enrollments')?.get(enrolmentId)).toMatchObject({ deleted: true });
    expect((await send('GET', `/api/alumni/${world.bOnly.id}`, staffA.cookie)).status).toBe(404);
    // B keeps its trainee.
    expect((await send('GET', `/api/alumni/${world.bOnly.id}`, world.users.staffB.cookie)).status).toBe(200);
  });

  it('lets an admin withdraw; a person only the mistaken enrolment held is removed and the NIK is free for its owner', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { send } = dataApi(db, kind);
    const typo = { nik: '6472010101900777', name: 'Dewi Lestari', gender: 'female', birthDate: '1990-01-01', education: 'smk' };
    const made = await send<NewEnrollmentResponse>('POST', '/api/enrollments', world.users.staffA.cookie, { cohortId: world.cohortA.id, alumnus: typo });
    expect(made.body.alumnusCreated).toBe(true);

    const withdrawn = await send('POST', `/api/enrollments/${made.body.enrollment.id}/withdraw`, world.users.admin.cookie, { reason: 'NIK mistyped' });
    expect(withdrawn.status).toBe(200);
    expect(await db.selectFrom('alumni').select('deleted').where('id', '=', made.body.alumnus.id).executeTakeFirst()).toEqual({ deleted: 1 });

    // The NIK's real owner, enrolled at B, takes that record over.
    const owner = { ...typo, name: 'Yohana Purba', gender: 'female' };
    const ownerEnrolled = await send<NewEnrollmentResponse>('POST', '/api/enrollments', world.users.staffB.cookie, { cohortId: world.cohortB.id, alumnus: owner });
    expect(ownerEnrolled.status).toBe(201);
    expect(ownerEnrolled.body.alumnus).toMatchObject({ nik: typo.nik, name: 'Yohana Purba', deleted: false });
    expectNothingOf(ownerEnrolled.body, 'Dewi');
    const audit = (await auditOf(db, made.body.alumnus.id)).map(({ mutation, userId }) => ({ mutation, userId }));
    expect(audit.sort((a, b) => a.mutation.localeCompare(b.mutation))).toEqual([
      { mutation: 'alumnus.create', userId: world.users.staffA.id },
      { mutation: 'alumnus.remove', userId: world.users.admin.id },
      { mutation: 'alumnus.replace', userId: world.users.staffB.id },
    ]);

    // A removed person who still has follow-ups is never handed to someone else.
    await seedFollowUp(db, { alumnusId: made.body.alumnus.id, officerId: world.users.officer.id });
    const ownerWithdrawn = await send('POST', `/api/enrollments/${ownerEnrolled.body.enrollment.id}/withdraw`, world.users.staffB.cookie, { reason: 'test' });
    expect(ownerWithdrawn.status).toBe(200);
    const stranger = await send('POST', '/api/enrollments', world.users.staffA.cookie, { cohortId: world.cohortA.id, alumnus: { ...typo, name: 'Orang Lain' } });
    expect([stranger.status, stranger.body.error.code]).toEqual([409, 'nik-belongs-to-other']);
    expectNothingOf(stranger.body, 'Yohana');
  });
});

function expectNothingOf(body: unknown, secret: string): void {
  expect(JSON.stringify(body)).not.toContain(secret);
}
