import { expect, it } from 'vitest';
import type { CohortDetailResponse, CohortListResponse, CohortResponse } from '../../../src/shared/api/cohorts.api';
import { describeError } from '../../../src/shared/errors';
import { describeEachDialect, useTestDatabase } from '../databases';
import { auditOf, dataApi, NOW, seedCohort, seedVocation } from './seed';
import { seedWorld } from './world';

const MISSING_ID = '00000000-0000-4000-8000-00000000f999';

describeEachDialect('the cohorts API', (kind) => {
  const database = useTestDatabase(kind);

  it('lists cohorts within the scope, filtered and paged, and refuses bad query parameters', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const older = await seedCohort(db, { providerId: world.providerA, vocationId: world.vocationId, budgetYear: 2023, fundingSource: 'apbd-perubahan' });
    const { send } = dataApi(db, kind);
    const ids = (reply: { body: CohortListResponse }) => reply.body.cohorts.map((cohort) => cohort.id);

    const all = await send<CohortListResponse>('GET', '/api/cohorts', world.users.officer.cookie);
    expect(all.status).toBe(200);
    // Newest budget year and start first.
    expect(ids(all)).toEqual([world.cohortB.id, world.cohortA.id, older.id]);
    expect(all.body.page).toEqual({ limit: 100, offset: 0, nextOffset: null });
    expect(ids(await send('GET', '/api/cohorts', world.users.staffA.cookie))).toEqual([world.cohortA.id, older.id]);
    expect(ids(await send('GET', `/api/cohorts?providerId=${world.providerB}`, world.users.staffA.cookie))).toEqual([]);
    expect(ids(await send('GET', `/api/cohorts?providerId=${world.providerB}`, world.users.supervisor.cookie))).toEqual([world.cohortB.id]);
    expect(ids(await send('GET', '/api/cohorts?budgetYear=2023', world.users.admin.cookie))).toEqual([older.id]);
    expect(ids(await send('GET', '/api/cohorts?fundingSource=apbd-murni', world.users.admin.cookie))).toEqual([world.cohortB.id, world.cohortA.id]);

    const first = await send<CohortListResponse>('GET', '/api/cohorts?limit=2', world.users.officer.cookie);
    expect(ids(first)).toEqual([world.cohortB.id, world.cohortA.id]);
    expect(first.body.page).toEqual({ limit: 2, offset: 0, nextOffset: 2 });
    const second = await send<CohortListResponse>('GET', '/api/cohorts?limit=2&offset=2', world.users.officer.cookie);
    expect(ids(second)).toEqual([older.id]);
    expect(second.body.page.nextOffset).toBeNull();

    for (const [query, path, code] of [
      ['limit=0', 'limit', 'out-of-range'], ['limit=1001', 'limit', 'out-of-range'], ['limit=ten', 'limit', 'out-of-range'],
      ['offset=-1', 'offset', 'out-of-range'], ['providerId=42', 'providerId', 'invalid-id'], ['budgetYear=1999', 'budgetYear', 'out-of-range'],
      ['budgetYear=abc', 'budgetYear', 'out-of-range'], ['fundingSource=apbd', 'fundingSource', 'invalid-choice'],
    ] as const) {
      const bad = await send('GET', `/api/cohorts?${query}`, world.users.officer.cookie);
      expect([query, bad.status, bad.body.error.code, bad.body.error.details]).toEqual([query, 400, 'invalid-body', [{ path, code }]]);
    }
    // The message names the parameter and says what is wrong in words.
    const words = await send('GET', '/api/cohorts?limit=ten', world.users.officer.cookie);
    expect(words.body.error.message).toBe(`the query parameters are invalid: limit: ${describeError('out-of-range')}`);
  });

  it('reads one cohort with its enrollments and their names, 404 for unknown, malformed or out-of-scope ids', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);

    const read = await send<CohortDetailResponse>('GET', `/api/cohorts/${world.cohortA.id}`, world.users.staffA.cookie);
    expect(read.status).toBe(200);
    expect(read.body.cohort).toEqual(world.cohortA);
    expect(read.body.enrollments).toEqual([
      { ...world.enrollments.aOnly, alumnusName: 'Andi Alfa' },
      { ...world.enrollments.sharedA, alumnusName: 'Citra Ganda' },
    ]);

    for (const [path, cookie] of [
      [`/api/cohorts/${world.cohortB.id}`, world.users.staffA.cookie],
      [`/api/cohorts/${MISSING_ID}`, world.users.officer.cookie],
      ['/api/cohorts/not-a-uuid', world.users.officer.cookie],
      ["/api/cohorts/1'%20or%201=1", world.users.officer.cookie],
    ] as const) {
      const missing = await send('GET', path, cookie);
      expect([path, missing.status, missing.body.error.code]).toEqual([path, 404, 'not-found']);
    }
  });

  it('lets provider staff create a cohort of their own provider, audited, and refuses anything else', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const input = {
      vocationId: world.vocationId, title: ' Tata rias angkatan 2 ', fundingSource: 'apbd-perubahan', budgetYear: 2024,
      startDate: '2024-09-02', endDate: '2024-09-30',
    };

    const created = await send<CohortResponse>('POST', '/api/cohorts', world.users.staffA.cookie, input);
    expect(created.status).toBe(201);
    expect(created.body.cohort).toEqual({
      ...input, id: expect.any(String) as unknown, title: 'Tata rias angkatan 2', providerId: world.providerA, deleted: false,
      location: '', seats: null, plannedCertificationDate: null, actualCertificationDate: null, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
    });
    expect(await auditOf(db, created.body.cohort.id)).toEqual([
      { mutation: 'cohort.create', entity: 'cohorts', userId: world.users.staffA.id, before: null, after: created.body.cohort },
    ]);
    const listed = await send<CohortListResponse>('GET', '/api/cohorts', world.users.staffA.cookie);
    expect(listed.body.cohorts.map((cohort) => cohort.id)).toContain(created.body.cohort.id);

    const clientId = '3f0c2a7e-1111-4aaa-8bbb-123456789abc';
    const withId = await send<CohortResponse>('POST', '/api/cohorts', world.users.staffA.cookie, { ...input, id: clientId, providerId: world.providerA, seats: 20 });
    expect([withId.status, withId.body.cohort.id, withId.body.cohort.seats]).toEqual([201, clientId, 20]);

    const cases: [who: keyof typeof world.users, body: unknown, status: number, code: string, details?: unknown][] = [
      ['staffA', { ...input, id: clientId }, 409, 'conflict'],
      ['staffA', { ...input, providerId: world.providerB }, 403, 'out-of-scope'],
      ['staffA', { ...input, vocationId: MISSING_ID }, 404, 'not-found'],
      ['staffA', { title: 'x' }, 400, 'invalid-body', [
        { path: 'vocationId', code: 'required' }, { path: 'fundingSource', code: 'required' }, { path: 'budgetYear', code: 'required' },
        { path: 'startDate', code: 'required' }, { path: 'endDate', code: 'required' },
      ]],
      ['staffA', { ...input, budgetYear: '2024', startDate: '2024-02-30', title: 7 }, 400, 'invalid-body', [
        { path: 'title', code: 'invalid-type' }, { path: 'budgetYear', code: 'invalid-type' }, { path: 'startDate', code: 'invalid-date' },
      ]],
      ['staffA', { ...input, endDate: '2024-09-01' }, 400, 'invalid-body', [{ path: 'endDate', code: 'dates-out-of-order' }]],
      ['staffA', { ...input, id: 'abc' }, 400, 'invalid-body', [{ path: 'id', code: 'invalid-id' }]],
      ['staffA', { ...input, seats: 0 }, 400, 'invalid-body', [{ path: 'seats', code: 'out-of-range' }]],
      ['staffA', { ...input, seats: 1001 }, 400, 'invalid-body', [{ path: 'seats', code: 'out-of-range' }]],
      ['staffA', { ...input, seats: '20' }, 400, 'invalid-body', [{ path: 'seats', code: 'invalid-type' }]],
      ['staffA', { ...input, seats: 12.5 }, 400, 'invalid-body', [{ path: 'seats', code: 'invalid-type' }]],
      ['staffA', '[1,', 400, 'malformed-json'],
      ['officer', input, 403, 'forbidden'],
      ['supervisor', input, 403, 'forbidden'],
      ['admin', input, 400, 'invalid-body', [{ path: 'providerId', code: 'required' }]],
      ['admin', { ...input, providerId: MISSING_ID }, 404, 'not-found'],
    ];
    for (const [who, body, status, code, details] of cases) {
      const refused = await send('POST', '/api/cohorts', world.users[who].cookie, body);
      expect({ who, body, status: refused.status, code: refused.body.error.code, details: refused.body.error.details })
        .toEqual({ who, body, status, code, details });
    }
    const count = await db.selectFrom('cohorts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });

  it('lets admins and officers granted cohort rights create and edit cohorts of a provider they choose', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const input = {
      vocationId: world.vocationId, title: 'Las listrik', fundingSource: 'apbn', budgetYear: 2025, startDate: '2025-03-03', endDate: '2025-04-11', seats: 16,
    };

    const byAdmin = await send<CohortResponse>('POST', '/api/cohorts', world.users.admin.cookie, { ...input, providerId: world.providerB });
    expect([byAdmin.status, byAdmin.body.cohort.providerId, byAdmin.body.cohort.seats]).toEqual([201, world.providerB, 16]);
    expect((await send('PATCH', `/api/cohorts/${world.cohortA.id}`, world.users.admin.cookie, { seats: 24 })).status).toBe(200);

    const officer = world.users.officer;
    expect((await send('POST', '/api/cohorts', officer.cookie, { ...input, providerId: world.providerA })).status).toBe(403);
    await db.updateTable('users').set({ managesCohorts: 1 }).where('id', '=', officer.id).execute();
    const byOfficer = await send<CohortResponse>('POST', '/api/cohorts', officer.cookie, { ...input, providerId: world.providerA });
    expect([byOfficer.status, byOfficer.body.cohort.providerId]).toEqual([201, world.providerA]);
    const edited = await send<CohortResponse>('PATCH', `/api/cohorts/${world.cohortB.id}`, officer.cookie, { title: 'Barbershop Bravo II' });
    expect([edited.status, edited.body.cohort.title]).toEqual([200, 'Barbershop Bravo II']);
    // Cohort rights are not enrolment rights: participants stay with the provider's staff.
    const enrol = await send('POST', '/api/enrollments', officer.cookie, {
      cohortId: byOfficer.body.cohort.id, alumnus: { nik: '6472014708010003', name: 'Rina', gender: 'female', birthDate: '2001-08-07', education: 'sma' },
    });
    expect(enrol.status).toBe(403);
    expect((await auditOf(db, byOfficer.body.cohort.id)).map((entry) => entry.userId)).toEqual([officer.id]);
  });

  it('lets provider staff edit their own cohort, checking the merged record and auditing before/after', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const otherVocation = await seedVocation(db, 'Tata rias');
    const path = `/api/cohorts/${world.cohortA.id}`;

    const edited = await send<CohortResponse>('PATCH', path, world.users.staffA.cookie, { title: 'Barbershop Alfa 1', vocationId: otherVocation, actualCertificationDate: '2025-02-10' });
    expect(edited.status).toBe(200);
    const after = { ...world.cohortA, title: 'Barbershop Alfa 1', vocationId: otherVocation, actualCertificationDate: '2025-02-10', updatedAt: NOW.toISOString() };
    expect(edited.body.cohort).toEqual(after);
    expect(await auditOf(db, world.cohortA.id)).toEqual([
      { mutation: 'cohort.update', entity: 'cohorts', userId: world.users.staffA.id, before: world.cohortA, after },
    ]);
    const seated = await send<CohortResponse>('PATCH', path, world.users.staffA.cookie, { seats: 18 });
    expect([seated.status, seated.body.cohort.seats]).toEqual([200, 18]);
    const unseated = await send<CohortResponse>('PATCH', path, world.users.staffA.cookie, { seats: null });
    expect([unseated.status, unseated.body.cohort.seats]).toEqual([200, null]);
    expect(await auditOf(db, world.cohortA.id)).toHaveLength(3);
    // Nothing changed: nothing written, nothing audited.
    expect((await send('PATCH', path, world.users.staffA.cookie, { title: 'Barbershop Alfa 1' })).status).toBe(200);
    expect(await auditOf(db, world.cohortA.id)).toHaveLength(3);

    const cases: [who: keyof typeof world.users, path: string, body: unknown, status: number, code: string, details?: unknown][] = [
      // The stored end date is 2024-03-30: a start after it breaks the merged cohort.
      ['staffA', path, { startDate: '2024-04-15' }, 400, 'invalid-body', [{ path: 'endDate', code: 'dates-out-of-order' }]],
      ['staffA', path, { budgetYear: 1999 }, 400, 'invalid-body', [{ path: 'budgetYear', code: 'out-of-range' }]],
      ['staffA', path, { seats: -3 }, 400, 'invalid-body', [{ path: 'seats', code: 'out-of-range' }]],
      ['staffA', path, { vocationId: MISSING_ID }, 404, 'not-found'],
      ['staffA', `/api/cohorts/${world.cohortB.id}`, { title: 'mine now' }, 404, 'not-found'],
      ['staffA', `/api/cohorts/${MISSING_ID}`, { title: 'x' }, 404, 'not-found'],
      ['staffA', '/api/cohorts/123', { title: 'x' }, 404, 'not-found'],
      ['officer', path, { title: 'x' }, 403, 'forbidden'],
      ['supervisor', path, { title: 'x' }, 403, 'forbidden'],
    ];
    for (const [who, target, body, status, code, details] of cases) {
      const refused = await send('PATCH', target, world.users[who].cookie, body);
      expect({ who, body, status: refused.status, code: refused.body.error.code, details: refused.body.error.details })
        .toEqual({ who, body, status, code, details });
    }
    expect(await auditOf(db, world.cohortA.id)).toHaveLength(3);
  });
});
