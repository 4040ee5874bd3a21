import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/db/schema';
import type { Alumnus, Cohort, Enrollment, FollowUp } from '../../../src/shared/schema';
import { insertProvider, signedInUser, type TestUser } from '../sign-in';
import { seedAlumnus, seedCohort, seedEnrollment, seedFollowUp, seedVocation } from './seed';

/**
 * Two providers and their trainees: `aOnly` trained at A, `bOnly` at B, `shared` at both.
 * Users: an officer, staff of each provider, a supervisor and an admin. The B-only
 * records carry recognisable values so a leak shows in any response body.
 */
export type World = {
  providerA: string;
  providerB: string;
  vocationId: string;
  cohortA: Cohort;
  cohortB: Cohort;
  aOnly: Alumnus;
  bOnly: Alumnus;
  shared: Alumnus;
  enrollments: { aOnly: Enrollment; bOnly: Enrollment; sharedA: Enrollment; sharedB: Enrollment };
  followUps: { aOnly: FollowUp; bOnly: FollowUp; sharedByOfficer: FollowUp; sharedByStaffB: FollowUp };
  users: { officer: TestUser; staffA: TestUser; staffB: TestUser; supervisor: TestUser; admin: TestUser };
};

export async function seedWorld(db: Kysely<Database>): Promise<World> {
  const providerA = await insertProvider(db, 'LPK Alfa');
  const providerB = await insertProvider(db, 'LPK Bravo');
  const vocationId = await seedVocation(db);
  const users = {
    officer: await signedInUser(db, 'officer'),
    staffA: await signedInUser(db, 'provider-staff', { providerId: providerA }),
    staffB: await signedInUser(db, 'provider-staff', { providerId: providerB }),
    supervisor: await signedInUser(db, 'supervisor'),
    admin: await signedInUser(db, 'admin'),
  };
  const cohortA = await seedCohort(db, { providerId: providerA, vocationId, title: 'Barbershop Alfa', startDate: '2024-03-01', endDate: '2024-03-30' });
  const cohortB = await seedCohort(db, { providerId: providerB, vocationId, title: 'Barbershop Bravo rahasia', startDate: '2024-04-01', endDate: '2024-04-30' });
  const aOnly = await seedAlumnus(db, { name: 'Andi Alfa', phone: '+6281211110001' });
  const bOnly = await seedAlumnus(db, {
    name: 'Bambang Bravo', nik: '6472015505950007', gender: 'female', birthDate: '1995-05-15', phone: '+6281299990007', whatsapp: '+6281299990008',
  });
  const shared = await seedAlumnus(db, { name: 'Citra Ganda', phone: '+6281233330003' });
  const enrollments = {
    aOnly: await seedEnrollment(db, { cohortId: cohortA.id, alumnusId: aOnly.id }),
    bOnly: await seedEnrollment(db, { cohortId: cohortB.id, alumnusId: bOnly.id }),
    sharedA: await seedEnrollment(db, { cohortId: cohortA.id, alumnusId: shared.id }),
    sharedB: await seedEnrollment(db, { cohortId: cohortB.id, alumnusId: shared.id, certificateNumber: 'BRAVO-CERT-7' }),
  };
  const followUps = {
    aOnly: await seedFollowUp(db, { alumnusId: aOnly.id, officerId: users.officer.id, contactedAt: '2024-07-01T02:00:00.000Z' }),
    bOnly: await seedFollowUp(db, { alumnusId: bOnly.id, officerId: users.staffB.id, contactedAt: '2024-07-02T02:00:00.000Z', notes: 'Bravo secret note' }),
    sharedByOfficer: await seedFollowUp(db, { alumnusId: shared.id, officerId: users.officer.id, contactedAt: '2024-07-03T02:00:00.000Z' }),
    sharedByStaffB: await seedFollowUp(db, { alumnusId: shared.id, officerId: users.staffB.id, contactedAt: '2024-07-04T02:00:00.000Z' }),
  };
  return { providerA, providerB, vocationId, cohortA, cohortB, aOnly, bOnly, shared, enrollments, followUps, users };
}
