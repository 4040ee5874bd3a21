import { expect, it } from 'vitest';
import type { AlumniListResponse, AlumnusDetailResponse, AlumnusResponse } from '../../../src/shared/api/alumni.api';
import { withheldFollowUp } from '../../../src/shared/domain/withheld-follow-up';
import { describeEachDialect, useTestDatabase } from '../databases';
import { auditOf, dataApi, NOW, seedAlumnus, seedEnrollment, seedFollowUp } from './seed';
import { seedWorld } from './world';

const MISSING_ID = '00000000-0000-4000-8000-00000000f999';

describeEachDialect('the alumni API', (kind) => {
  const database = useTestDatabase(kind);

  it('lists and searches alumni within the scope by name, NIK or phone fragment', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const percent = await seedAlumnus(db, { name: 'Dewi 100% Sukses' });
    await seedEnrollment(db, { cohortId: world.cohortA.id, alumnusId: percent.id });
    await seedAlumnus(db, { name: 'Edi Tanpa Kelas' }); // enrolled nowhere: only roles that see everything see him
    const { send } = dataApi(db, kind);
    const names = async (query: string, who: keyof typeof world.users = 'officer') => {
      const reply = await send<AlumniListResponse>('GET', `/api/alumni${query}`, world.users[who].cookie);
      expect(reply.status).toBe(200);
      return reply.body.alumni.map((alumnus) => alumnus.name);
    };

    expect(await names('')).toEqual(['Andi Alfa', 'Bambang Bravo', 'Citra Ganda', 'Dewi 100% Sukses', 'Edi Tanpa Kelas']);
    expect(await names('', 'staffA')).toEqual(['Andi Alfa', 'Citra Ganda', 'Dewi 100% Sukses']);
    expect(await names('', 'staffB')).toEqual(['Bambang Bravo', 'Citra Ganda']);
    expect(await names('?q=bRaVo')).toEqual(['Bambang Bravo']);
    expect(await names('?q=%20ganda%20')).toEqual(['Citra Ganda']);
    expect(await names('?q=6472015505')).toEqual(['Bambang Bravo']);
    expect(await names('?q=6472.0155.05')).toEqual(['Bambang Bravo']);
    expect(await names('?q=0812-9999')).toEqual(['Bambang Bravo']);
    expect(await names('?q=%2B62%20812%203333')).toEqual(['Citra Ganda']);
    expect(await names('?q=99990008')).toEqual(['Bambang Bravo']); // WhatsApp
    // LIKE wildcards typed by a user match themselves only.
    expect(await names('?q=%25')).toEqual(['Dewi 100% Sukses']);
    expect(await names('?q=_')).toEqual([]);
    expect(await names('?q=Bravo', 'staffA')).toEqual([]);
    expect(await names(`?cohortId=${world.cohortB.id}`)).toEqual(['Bambang Bravo', 'Citra Ganda']);
    expect(await names(`?cohortId=${world.cohortA.id}&q=citra`, 'staffA')).toEqual(['Citra Ganda']);

    const paged = await send<AlumniListResponse>('GET', '/api/alumni?limit=2&offset=2', world.users.officer.cookie);
    expect([paged.body.alumni.map((a) => a.name), paged.body.page]).toEqual([['Citra Ganda', 'Dewi 100% Sukses'], { limit: 2, offset: 2, nextOffset: 4 }]);

    // Asking for a cohort of another provider is asking about that provider's data.
    const foreign = await send('GET', `/api/alumni?cohortId=${world.cohortB.id}`, world.users.staffA.cookie);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'not-found']);
    for (const [query, path, code] of [
      ['cohortId=abc', 'cohortId', 'invalid-id'], [`q=${'x'.repeat(101)}`, 'q', 'too-long'], ['limit=5000', 'limit', 'out-of-range'],
      ['q=a%00b', 'q', 'invalid-character'], // PostgreSQL text cannot hold U+0000: a 400, not its 500
    ] as const) {
      const bad = await send('GET', `/api/alumni?${query}`, world.users.officer.cookie);
      expect([bad.status, bad.body.error.code, bad.body.error.details]).toEqual([400, 'invalid-body', [{ path, code }]]);
    }
  });

  it('reads one alumnus with the enrollments the reader may see and every follow-up, newest first', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const voided = await seedFollowUp(db, {
      alumnusId: world.shared.id, officerId: world.users.officer.id, contactedAt: '2024-07-05T02:00:00.000Z',
      voidedAt: '2024-07-05T03:00:00.000Z', voidedBy: world.users.officer.id,
    });
    const { send } = dataApi(db, kind);
    const path = `/api/alumni/${world.shared.id}`;
    const newestFirst = [voided, world.followUps.sharedByStaffB, world.followUps.sharedByOfficer];

    const asOfficer = await send<AlumnusDetailResponse>('GET', path, world.users.officer.cookie);
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.body).toEqual({
      alumnus: world.shared, enrollments: [world.enrollments.sharedA, world.enrollments.sharedB], followUps: newestFirst,
    });
    const asStaffA = await send<AlumnusDetailResponse>('GET', path, world.users.staffA.cookie);
    // Written outside A (by an officer, by B's staff): their status history only (test/server/privacy).
    expect(asStaffA.body).toEqual({ alumnus: world.shared, enrollments: [world.enrollments.sharedA], followUps: newestFirst.map(withheldFollowUp) });

    for (const [target, who] of [
      [`/api/alumni/${world.bOnly.id}`, 'staffA'], [`/api/alumni/${MISSING_ID}`, 'officer'], ['/api/alumni/6472015505950007', 'officer'],
    ] as const) {
      const missing = await send('GET', target, world.users[who].cookie);
      expect([target, missing.status, missing.body.error.code]).toEqual([target, 404, 'not-found']);
    }
  });

  it('updates contact details with normalised phones, audited, and refuses bad input and other roles', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const path = `/api/alumni/${world.aOnly.id}/contact`;

    const updated = await send<AlumnusResponse>('PATCH', path, world.users.officer.cookie, {
      phone: '0813 5555-0001', whatsapp: '62 813 5555 0002', kelurahan: ' Loktuan ', nik: '6472010101900099',
    });
    expect(updated.status).toBe(200);
    const after = { ...world.aOnly, phone: '+6281355550001', whatsapp: '+6281355550002', kelurahan: 'Loktuan', updatedAt: NOW.toISOString() };
    expect(updated.body.alumnus).toEqual(after); // the NIK is not a contact detail: ignored
    const later = new Date(NOW.getTime() + 60_000);
    const byStaff = await dataApi(db, kind, later).send<AlumnusResponse>('PATCH', path, world.users.staffA.cookie, { phone: null });
    expect([byStaff.status, byStaff.body.alumnus.phone]).toEqual([200, null]);
    expect(await auditOf(db, world.aOnly.id)).toEqual([
      { mutation: 'alumnus.contact', entity: 'alumni', userId: world.users.officer.id, before: world.aOnly, after },
      { mutation: 'alumnus.contact', entity: 'alumni', userId: world.users.staffA.id, before: after, after: { ...after, phone: null, updatedAt: later.toISOString() } },
    ]);

    const cases: [who: keyof typeof world.users, target: string, body: unknown, status: number, code: string, details?: unknown][] = [
      ['officer', path, { phone: '12345' }, 400, 'invalid-body', [{ path: 'phone', code: 'phone-invalid' }]],
      ['officer', path, { address: 42, kecamatan: 'x'.repeat(81) }, 400, 'invalid-body', [
        { path: 'address', code: 'invalid-type' }, { path: 'kecamatan', code: 'too-long' },
      ]],
      ['officer', path, 'null', 400, 'invalid-body', [{ path: '', code: 'invalid-type' }]],
      ['officer', path, { address: 'Jl. \u0000' }, 400, 'invalid-body', [{ path: 'address', code: 'invalid-character' }]],
      ['officer', `/api/alumni/${MISSING_ID}/contact`, { address: 'x' }, 404, 'not-found'],
      ['officer', '/api/alumni/xyz/contact', { address: 'x' }, 404, 'not-found'],
      ['staffA', `/api/alumni/${world.bOnly.id}/contact`, { address: 'x' }, 404, 'not-found'],
      ['supervisor', path, { address: 'x' }, 403, 'forbidden'],
      ['admin', path, { address: 'x' }, 403, 'forbidden'],
    ];
    for (const [who, target, body, status, code, details] of cases) {
      const refused = await send('PATCH', target, world.users[who].cookie, body);
      expect({ who, body, status: refused.status, code: refused.body.error.code, details: refused.body.error.details })
        .toEqual({ who, body, status, code, details });
    }
    expect(await auditOf(db, world.aOnly.id)).toHaveLength(2);
  });
});
