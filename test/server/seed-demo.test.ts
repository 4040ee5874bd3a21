import { expect, it } from 'vitest';
import type { DemoData } from '../../src/server/demo/demo-data';
import { verifyPassword } from '../../src/server/auth/password';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/demo/seed-demo';
import { DomainError } from '../../src/server/errors';
import { describeEachDialect, useTestDatabase } from './databases';

const AT = '2024-08-31T09:00:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The smallest data set that touches every table, with enough follow-ups to need several INSERTs. */
function tinyDemoData(): DemoData {
  const record = (n: number) => ({ id: id(n), createdAt: AT, updatedAt: AT });
  return {
    providers: [{ ...record(1), deleted: false, name: 'LPK Maju Jaya', kind: 'lpk', address: 'Jl. Pahlawan 1', phone: null }],
    vocations: [{ ...record(2), deleted: false, name: 'Barbershop' }],
    users: [{ ...record(3), username: 'petugas', displayName: 'Petugas Lapangan', role: 'officer', providerId: null, active: true }],
    cohorts: [{
      ...record(4), deleted: false, providerId: id(1), vocationId: id(2), title: 'Barbershop angkatan 1',
      fundingSource: 'apbd-murni', budgetYear: 2024, startDate: '2024-03-01', endDate: '2024-03-30', location: '', seats: 16,
      plannedCertificationDate: '2025-02-15', actualCertificationDate: null,
    }],
    alumni: [{
      ...record(5), deleted: false, nik: '6472010101900001', name: 'Budi', gender: 'male', birthDate: '1990-01-01',
      phone: '+6281234567890', whatsapp: null, address: '', kelurahan: 'Sidodadi', kecamatan: 'Samarinda Ulu', education: 'smk',
      birthPlace: '', email: '', regency: '', province: '',
    }],
    enrollments: [{
      ...record(6), deleted: false, cohortId: id(4), alumnusId: id(5), outcome: 'graduated', graduationDate: '2024-03-30',
      certification: 'scheduled', certificationScheduledDate: '2025-02-15', certificationIssuedDate: null, certificateNumber: '',
    }],
    followUps: Array.from({ length: 80 }, (_, i) => ({
      ...record(100 + i), alumnusId: id(5), officerId: id(3), contactedAt: AT, channel: 'phone' as const,
      reached: i % 2 === 0, unreachedReason: i % 2 === 0 ? null : ('no-answer' as const),
      status: i % 2 === 0 ? ('business' as const) : null, statusStartDate: null, employer: '', jobTitle: '', sector: '',
      incomeBand: null, businessName: i % 2 === 0 ? 'Budi Barbershop' : '', businessKind: '', businessEmployees: i % 2 === 0 ? 1 : null,
      revenueBand: null, notes: '', gpsLat: -0.5021, gpsLng: 117.1536, gpsAccuracy: 12.5, nextFollowUpDate: null,
      voidedAt: null, voidedBy: null, voidReason: '',
    })),
  };
}

describeEachDialect('seedDemo', (kind) => {
  const database = useTestDatabase(kind);

  it('seeds an empty database once, then reports it already seeded', async () => {
    const { db } = database.current;
    expect(await seedDemo(db, tinyDemoData())).toBe('seeded');
    expect(await seedDemo(db, tinyDemoData())).toBe('already-seeded');

    const followUps = await db.selectFrom('followUps').selectAll().orderBy('id').execute();
    expect(followUps).toHaveLength(80);
    expect(followUps[0]).toMatchObject({ reached: 1, status: 'business', gpsLat: -0.5021, businessEmployees: 1, version: 0 });
    const user = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ username: 'petugas', active: 1, mustChangePassword: 0 });
    expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
    expect(await verifyPassword('not-the-demo-password', user.passwordHash)).toBe(false);

    // Bontang's reference list, in the shared scope every device pulls.
    const places = await db.selectFrom('areaPlaces').select(['kecamatan', 'kelurahan']).orderBy('kecamatan').orderBy('kelurahan').execute();
    expect(places).toHaveLength(15);
    expect(places.filter((place) => place.kecamatan === 'Bontang Barat').map((place) => place.kelurahan)).toEqual(['Belimbing', 'Gunung Telihan', 'Kanaan']);
    expect(places.filter((place) => place.kecamatan === 'Bontang Utara').map((place) => place.kelurahan)).toContain('Loktuan');
    const feed = await db.selectFrom('changeLog').select('scope').where('entity', '=', 'areaPlaces').execute();
    expect(feed).toHaveLength(15);
    expect(new Set(feed.map((row) => row.scope))).toEqual(new Set(['shared']));
  });

  it('refuses a database that holds a user but no demo marker, and changes nothing', async () => {
    const { db } = database.current;
    const data = tinyDemoData();
    const [user] = data.users;
    await db.insertInto('users').values({ ...user!, id: id(999), username: 'admin', active: 1 }).execute();

    const refusal = await seedDemo(db, data).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'not-a-demo-database', message: expect.stringContaining('DATABASE_URL') as unknown });
    expect(await db.selectFrom('providers').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('appMeta').selectAll().execute()).toEqual([]);
  });
});
