import { expect, it } from 'vitest';
import { encodeHlc } from '../../../src/shared/sync/hlc';
import { describeEachDialect, useTestDatabase } from '../databases';
import { auditOf, dataApi, NOW } from '../data/seed';
import { aClientId, mutation, seedSyncWorld, syncApi } from './sync-api';

const SECOND = 1000;
const YEAR = 365 * 24 * 3600 * SECOND;

describeEachDialect('sync conflict rules', (kind) => {
  const database = useTestDatabase(kind);

  it('settles contact fields one by one, last writer by clock wins, a clock from the future is pulled back, and losers are kept', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    const id = world.aOnly.id;
    const contact = (patch: Record<string, unknown>) => ({ id, patch });
    const read = () => db.selectFrom('alumni').select(['phone', 'address', 'kelurahan']).where('id', '=', id).executeTakeFirstOrThrow();
    const applied = (mid = 1) => ({ lastMid: mid, results: [{ mid, status: 'applied' }] });

    // Two devices edited offline; the later clock arrives first.
    const later = await push(world.users.officer, aClientId(), [mutation(1, 'alumnus.update-contact', contact({ phone: '0813 1111 0001' }), { ms: NOW.getTime() + 10 * SECOND, node: 'a' })]);
    expect(later.body).toEqual(applied());
    const earlier = await push(world.users.staffA, aClientId(), [
      mutation(1, 'alumnus.update-contact', contact({ phone: '0813 2222 0002', address: 'Jl. Pupuk Raya 2' }), { ms: NOW.getTime() + 5 * SECOND, node: 'b' }),
    ]);
    // The phone lost, the address won: listed on the device like a refusal, with both phones.
    expect(earlier.body).toEqual({ lastMid: 1, results: [{
      mid: 1, status: 'rejected', code: 'superseded', message: expect.stringContaining('later') as unknown,
      current: { phone: '+6281311110001' }, details: { yours: { phone: '+6281322220002' } },
    }] });
    expect(await read()).toEqual({ phone: '+6281311110001', address: 'Jl. Pupuk Raya 2', kelurahan: '' });

    const history = await db.selectFrom('fieldHistory').select(['field', 'valueJson', 'hlc']).where('entityId', '=', id).orderBy('replacedAt').orderBy('field').execute();
    expect(history.map((h) => [h.field, JSON.parse(h.valueJson ?? 'null') as unknown])).toEqual(expect.arrayContaining([
      ['phone', world.aOnly.phone], // replaced by the first edit
      ['phone', '+6281322220002'], // arrived later with an older clock
      ['address', ''],
    ]));
    expect(history).toHaveLength(3);
    const superseded = (await auditOf(db, id)).filter((entry) => entry.mutation === 'alumnus.contact-superseded');
    expect(superseded).toEqual([{
      mutation: 'alumnus.contact-superseded', entity: 'alumni', userId: world.users.staffA.id,
      before: { phone: { value: '+6281322220002', hlc: encodeHlc({ ms: NOW.getTime() + 5 * SECOND, counter: 0, node: 'b' }) } },
      after: { phone: { value: '+6281311110001', hlc: encodeHlc({ ms: NOW.getTime() + 10 * SECOND, counter: 0, node: 'a' }) } },
    }]);

    // A phone whose clock says next year is held to the server's time, so a later real edit still wins.
    await push(world.users.officer, aClientId(), [mutation(1, 'alumnus.update-contact', contact({ kelurahan: 'Loktuan' }), { ms: NOW.getTime() + YEAR, node: 'c' })]);
    const clock = await db.selectFrom('fieldClocks').select('hlc').where('entityId', '=', id).where('field', '=', 'kelurahan').executeTakeFirstOrThrow();
    expect(clock.hlc).toBe(encodeHlc({ ms: NOW.getTime(), counter: 0, node: 'c' }));
    await push(world.users.officer, aClientId(), [mutation(1, 'alumnus.update-contact', contact({ kelurahan: 'Guntung' }), { ms: NOW.getTime() + SECOND, node: 'd' })]);
    expect((await read()).kelurahan).toBe('Guntung');

    // An edit through the API is made now by someone looking at the value: it wins over device clocks ahead of the server.
    const byApi = await dataApi(db, kind).send<{ alumnus: { phone: string } }>('PATCH', `/api/alumni/${id}/contact`, world.users.officer.cookie, { phone: '0813 3333 0003' });
    expect([byApi.status, byApi.body.alumnus.phone]).toEqual([200, '+6281333330003']);

    // A clock that cannot be read is refused: last-writer-wins cannot place it.
    const unreadable = await push(world.users.officer, aClientId(), [{ ...mutation(1, 'alumnus.update-contact', contact({ address: 'x' })), hlc: 'yesterday' }]);
    expect(unreadable.body.results).toEqual([{ mid: 1, status: 'rejected', code: 'invalid-body', message: expect.any(String) as unknown, details: [{ path: 'hlc', code: 'invalid-type' }] }]);
  });

  it('syncs place of birth, email, kabupaten/kota and provinsi like the other contact fields, and refuses an email that is not one', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push, pullAll } = syncApi(db, kind);
    const id = world.aOnly.id;
    const fields = { birthPlace: 'Bontang', email: 'siti@contoh.id', regency: 'Kota Bontang', province: 'Kalimantan Timur' };
    const edit = await push(world.users.officer, aClientId(), [mutation(1, 'alumnus.update-contact', { id, patch: fields })]);
    expect(edit.body).toEqual({ lastMid: 1, results: [{ mid: 1, status: 'applied' }] });
    const pulled = await pullAll(world.users.staffA, aClientId(), null);
    const put = pulled.changes.find((change) => change.entity === 'alumni' && change.id === id);
    expect(put?.op === 'put' ? put.record : null).toMatchObject(fields);
    expect(put?.op === 'put' ? Object.keys(put.clocks ?? {}) : []).toEqual(expect.arrayContaining(Object.keys(fields)));

    const bad = await push(world.users.officer, aClientId(), [mutation(1, 'alumnus.update-contact', { id, patch: { email: 'siti at contoh' } })]);
    expect(bad.body.results).toEqual([{
      mid: 1, status: 'rejected', code: 'invalid-body', message: expect.any(String) as unknown, details: [{ path: 'patch.email', code: 'email-invalid' }],
    }]);
  });

  it('refuses a cohort or enrollment edit made on a stale value with the current values, and keeps the answer for a retry', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    const staffA = world.users.staffA;
    const cohortId = world.cohortA.id;
    const title = world.cohortA.title;
    const certification = (date: string, seen: string | null) => ({ id: cohortId, patch: { plannedCertificationDate: date, title }, base: { plannedCertificationDate: seen, title } });

    const first = await push(staffA, aClientId(), [mutation(1, 'cohort.update', certification('2025-02-04', null))]);
    expect(first.body.results).toEqual([{ mid: 1, status: 'applied' }]);

    const client = aClientId();
    const stale = [
      mutation(1, 'cohort.update', certification('2025-02-11', null)), // saw the old value: conflict
      mutation(2, 'cohort.update', certification('2025-02-04', null)), // made the same change: no conflict
      mutation(3, 'cohort.update', { id: cohortId, patch: { location: 'Aula' }, base: {} }), // says nothing of what it saw
      mutation(4, 'enrollment.update', { id: world.enrollments.aOnly.id, patch: { certification: 'competent', certificationIssuedDate: '2025-02-20' }, base: { certification: 'none', certificationIssuedDate: null } }),
      mutation(5, 'enrollment.update', { id: world.enrollments.aOnly.id, patch: { certification: 'not-yet-competent' }, base: { certification: 'none' } }),
    ];
    const sent = await push(staffA, client, stale);
    expect(sent.body.results).toEqual([
      { mid: 1, status: 'rejected', code: 'conflict', message: expect.stringContaining('plannedCertificationDate') as unknown, current: { plannedCertificationDate: '2025-02-04', title } },
      { mid: 2, status: 'applied' },
      { mid: 3, status: 'rejected', code: 'invalid-body', message: expect.any(String) as unknown, details: [{ path: 'base.location', code: 'required' }] },
      { mid: 4, status: 'applied' },
      { mid: 5, status: 'rejected', code: 'conflict', message: expect.any(String) as unknown, current: { certification: 'competent' } },
    ]);
    expect((await push(staffA, client, stale)).body).toEqual(sent.body);

    const cohort = await db.selectFrom('cohorts').select(['plannedCertificationDate', 'location']).where('id', '=', cohortId).executeTakeFirstOrThrow();
    expect(cohort).toEqual({ plannedCertificationDate: '2025-02-04', location: world.cohortA.location });
    const audit = await auditOf(db, cohortId);
    expect(audit.map((entry) => entry.mutation)).toEqual(['cohort.update']);
    const row = await db.selectFrom('auditLog').select(['clientId', 'afterJson']).where('entityId', '=', world.enrollments.aOnly.id).executeTakeFirstOrThrow();
    expect(row.clientId).toBe(client);
    expect(JSON.parse(row.afterJson ?? '{}')).toMatchObject({ certification: 'competent', certificationIssuedDate: '2025-02-20' });
  });

  it('creates cohorts and enrollments made offline, and voids a follow-up for its author', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    const cohortId = aClientId();
    const enrollmentId = aClientId();
    const alumnusId = aClientId();
    const created = await push(world.users.staffA, aClientId(), [
      mutation(1, 'cohort.create', { id: cohortId, vocationId: world.vocationId, title: 'Las listrik', fundingSource: 'apbd-perubahan', budgetYear: 2024, startDate: '2024-09-02', endDate: '2024-10-11' }),
      mutation(2, 'enrollment.create', {
        id: enrollmentId, cohortId,
        alumnus: { id: alumnusId, nik: '6472016203980004', name: 'Fajar Nugroho', gender: 'male', birthDate: '1998-03-22', education: 'smk' },
      }),
    ]);
    expect(created.body.results).toEqual([{ mid: 1, status: 'applied' }, { mid: 2, status: 'applied' }]);
    expect(await db.selectFrom('cohorts').select('providerId').where('id', '=', cohortId).executeTakeFirst()).toEqual({ providerId: world.providerA });
    expect(await db.selectFrom('enrollments').select(['alumnusId', 'cohortId']).where('id', '=', enrollmentId).executeTakeFirst()).toEqual({ alumnusId, cohortId });

    const voided = await push(world.users.officer, aClientId(), [mutation(1, 'follow-up.void', { id: world.followUps.aOnly.id, reason: 'salah orang' })]);
    expect(voided.body.results).toEqual([{ mid: 1, status: 'applied' }]);
    const followUp = await db.selectFrom('followUps').select(['voidedBy', 'voidReason']).where('id', '=', world.followUps.aOnly.id).executeTakeFirstOrThrow();
    expect(followUp).toEqual({ voidedBy: world.users.officer.id, voidReason: 'salah orang' });
  });
});
