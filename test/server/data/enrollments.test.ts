import { expect, it } from 'vitest';
import type { AlumnusDetailResponse } from '../../../src/shared/api/alumni.api';
import type { EnrollmentResponse, NewEnrollmentResponse } from '../../../src/shared/api/enrollments.api';
import { describeEachDialect, useTestDatabase } from '../databases';
import { auditOf, dataApi, NOW } from './seed';
import { seedWorld } from './world';

const MISSING_ID = '00000000-0000-4000-8000-00000000f999';
const PERSON = { nik: '6472.0162.0398.0004', name: 'Fajar Nugroho', gender: 'male', birthDate: '1998-03-22', education: 'smk', phone: '0812 7777 0004' };

describeEachDialect('the enrollments API', (kind) => {
  const database = useTestDatabase(kind);

  it('enrols a new person, then the same NIK in another provider\'s cohort as the same alumnus, audited', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const at = NOW.toISOString();

    const first = await send<NewEnrollmentResponse>('POST', '/api/enrollments', world.users.staffA.cookie, { cohortId: world.cohortA.id, alumnus: PERSON });
    expect(first.status).toBe(201);
    const alumnus = {
      id: expect.any(String) as unknown, createdAt: at, updatedAt: at, deleted: false, nik: '6472016203980004', name: 'Fajar Nugroho',
      gender: 'male', birthDate: '1998-03-22', phone: '+6281277770004', whatsapp: null, address: '', kelurahan: '', kecamatan: '', education: 'smk',
      birthPlace: '', email: '', regency: '', province: '',
    };
    expect(first.body).toEqual({
      alumnusCreated: true,
      alumnus,
      enrollment: {
        id: expect.any(String) as unknown, createdAt: at, updatedAt: at, deleted: false, cohortId: world.cohortA.id, alumnusId: first.body.alumnus.id,
        outcome: 'enrolled', graduationDate: null, certification: 'none', certificationScheduledDate: null, certificationIssuedDate: null, certificateNumber: '',
      },
    });
    expect(await auditOf(db, first.body.alumnus.id)).toEqual([
      { mutation: 'alumnus.create', entity: 'alumni', userId: world.users.staffA.id, before: null, after: first.body.alumnus },
    ]);
    expect(await auditOf(db, first.body.enrollment.id)).toEqual([
      { mutation: 'enrollment.create', entity: 'enrollments', userId: world.users.staffA.id, before: null, after: first.body.enrollment },
    ]);

    // Trained again at provider B, typed a little differently (capitals, spaces): the same person, B's staff now see them too.
    const enrolmentId = '7d1e5c9a-2222-4ccc-9ddd-abcdefabcdef';
    const again = { id: enrolmentId, cohortId: world.cohortB.id, alumnus: { ...PERSON, nik: '6472016203980004', name: ' FAJAR  NUGROHO' }, outcome: 'graduated', graduationDate: '2024-04-30' };
    const second = await send<NewEnrollmentResponse>('POST', '/api/enrollments', world.users.staffB.cookie, again);
    expect(second.status).toBe(201);
    expect(second.body.alumnusCreated).toBe(false);
    expect(second.body.alumnus).toEqual(first.body.alumnus);
    expect(second.body.enrollment).toMatchObject({ id: enrolmentId, alumnusId: first.body.alumnus.id, cohortId: world.cohortB.id, outcome: 'graduated' });
    const people = await db.selectFrom('alumni').select('id').where('nik', '=', '6472016203980004').execute();
    expect(people).toHaveLength(1);
    const seenByB = await send<AlumnusDetailResponse>('GET', `/api/alumni/${first.body.alumnus.id}`, world.users.staffB.cookie);
    expect(seenByB.body.enrollments.map((e) => e.id)).toEqual([enrolmentId]);

    // The same request again (a retry after a lost response) answers the stored enrollment.
    const retried = await send<NewEnrollmentResponse>('POST', '/api/enrollments', world.users.staffB.cookie, again);
    expect([retried.status, retried.body.enrollment]).toEqual([200, second.body.enrollment]);

    // The same NIK twice in one cohort.
    const twice = await send('POST', '/api/enrollments', world.users.staffA.cookie, { cohortId: world.cohortA.id, alumnus: PERSON });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'conflict', message: 'NIK 6472016203980004 (Fajar Nugroho) is already enrolled in this cohort' });
    const reusedId = await send('POST', '/api/enrollments', world.users.staffA.cookie, { id: enrolmentId, cohortId: world.cohortA.id, alumnus: { ...PERSON, nik: '6472010101900555' } });
    expect([reusedId.status, reusedId.body.error.code]).toEqual([409, 'conflict']);
    const count = await db.selectFrom('enrollments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(6);
  });

  it('refuses bad enrollments with 400, unknown or foreign cohorts with 404, other roles with 403', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const valid = { cohortId: world.cohortA.id, alumnus: PERSON };

    const cases: [who: keyof typeof world.users, body: unknown, status: number, code: string, details?: unknown][] = [
      ['staffA', { ...valid, alumnus: { ...PERSON, nik: '0072016203980004' } }, 400, 'invalid-body', [{ path: 'alumnus.nik', code: 'nik-province' }]],
      ['staffA', { ...valid, alumnus: { ...PERSON, nik: '647201620398' } }, 400, 'invalid-body', [{ path: 'alumnus.nik', code: 'nik-length' }]],
      ['staffA', { ...valid, alumnus: { ...PERSON, nik: '6472013213980004' } }, 400, 'invalid-body', [{ path: 'alumnus.nik', code: 'nik-birth-date' }]],
      ['staffA', { ...valid, alumnus: { ...PERSON, nik: 6472016203980004 } }, 400, 'invalid-body', [{ path: 'alumnus.nik', code: 'invalid-type' }]],
      ['staffA', { cohortId: world.cohortA.id }, 400, 'invalid-body', [{ path: 'alumnus', code: 'required' }]],
      ['staffA', { alumnus: { nik: PERSON.nik } }, 400, 'invalid-body', [
        { path: 'cohortId', code: 'required' }, { path: 'alumnus.name', code: 'required' }, { path: 'alumnus.gender', code: 'required' },
        { path: 'alumnus.birthDate', code: 'required' }, { path: 'alumnus.education', code: 'required' },
      ]],
      ['staffA', { ...valid, cohortId: 'cohort-1', outcome: 'passed' }, 400, 'invalid-body', [
        { path: 'cohortId', code: 'invalid-id' }, { path: 'outcome', code: 'invalid-choice' },
      ]],
      ['staffA', { ...valid, cohortId: MISSING_ID }, 404, 'not-found'],
      ['staffA', { ...valid, cohortId: world.cohortB.id }, 404, 'not-found'],
      ['officer', valid, 403, 'forbidden'],
      ['supervisor', valid, 403, 'forbidden'],
      ['admin', valid, 403, 'forbidden'],
    ];
    for (const [who, body, status, code, details] of cases) {
      const refused = await send('POST', '/api/enrollments', world.users[who].cookie, body);
      expect({ who, body, status: refused.status, code: refused.body.error.code, details: refused.body.error.details })
        .toEqual({ who, body, status, code, details });
    }
    const count = await db.selectFrom('alumni').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('records graduation and certification on an enrollment, audited, within the scope only', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const path = `/api/enrollments/${world.enrollments.aOnly.id}`;
    const patch = { certification: 'competent', certificationIssuedDate: '2025-02-14', certificateNumber: ' BNSP-2025-0042 ' };

    const updated = await send<EnrollmentResponse>('PATCH', path, world.users.staffA.cookie, patch);
    expect(updated.status).toBe(200);
    const after = { ...world.enrollments.aOnly, ...patch, certificateNumber: 'BNSP-2025-0042', updatedAt: NOW.toISOString() };
    expect(updated.body.enrollment).toEqual(after);
    expect(await auditOf(db, world.enrollments.aOnly.id)).toEqual([
      { mutation: 'enrollment.update', entity: 'enrollments', userId: world.users.staffA.id, before: world.enrollments.aOnly, after },
    ]);

    const cases: [who: keyof typeof world.users, target: string, body: unknown, status: number, code: string, details?: unknown][] = [
      ['staffA', path, { outcome: 'lulus', graduationDate: '30-03-2024' }, 400, 'invalid-body', [
        { path: 'outcome', code: 'invalid-choice' }, { path: 'graduationDate', code: 'invalid-date' },
      ]],
      ['staffA', path, { certificateNumber: null }, 400, 'invalid-body', [{ path: 'certificateNumber', code: 'required' }]],
      // The shared alumnus's enrollment at provider B belongs to B.
      ['staffA', `/api/enrollments/${world.enrollments.sharedB.id}`, { outcome: 'graduated' }, 404, 'not-found'],
      ['staffA', `/api/enrollments/${MISSING_ID}`, { outcome: 'graduated' }, 404, 'not-found'],
      ['staffA', '/api/enrollments/0', { outcome: 'graduated' }, 404, 'not-found'],
      ['officer', path, { outcome: 'dropped-out' }, 403, 'forbidden'],
      ['supervisor', path, { outcome: 'dropped-out' }, 403, 'forbidden'],
    ];
    for (const [who, target, body, status, code, details] of cases) {
      const refused = await send('PATCH', target, world.users[who].cookie, body);
      expect({ who, target, status: refused.status, code: refused.body.error.code, details: refused.body.error.details })
        .toEqual({ who, target, status, code, details });
    }
  });
});
