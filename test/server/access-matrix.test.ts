import { expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/password';
import { describeEachDialect, useTestDatabase } from './databases';
import { aNik, dataApi, seedFollowUp } from './data/seed';
import { seedWorld, type World } from './data/world';
import { signedInUser, type TestUser } from './sign-in';

/**
 * Who may call what: every API endpoint × every role, one table. Provider staff belong to
 * provider A; "B" rows name records of provider B only, which provider staff of A must
 * not be able to tell from records that do not exist (404, never 403).
 */

const ROLES = ['officer', 'staffA', 'supervisor', 'admin', 'none'] as const;
type Caller = (typeof ROLES)[number];

type Request = { method: string; path: string; body?: unknown };
type Context = World & { caller: Caller; user: TestUser | undefined; ownFollowUp: Record<'officer' | 'staffA', string>; target: TestUser };
/** Expected status for officer, provider staff of A, supervisor, admin, and without a session (401 unless given). */
type Row = [name: string, request: (ctx: Context) => Request, expected: [officer: number, staffA: number, supervisor: number, admin: number, none?: number]];

const PASSWORD = 'matrix password 1';
let passwordHash: Promise<string> | undefined; // scrypt takes ~0.2 s: once per file
const cohortBody = (ctx: Context, providerId?: string) => ({
  vocationId: ctx.vocationId, title: `Kelas ${ctx.caller}`, fundingSource: 'apbn', budgetYear: 2024, startDate: '2024-10-01', endDate: '2024-10-31',
  ...(providerId === undefined ? {} : { providerId }),
});
const followUpBody = (alumnusId: string) => ({ alumnusId, contactedAt: '2024-08-30T02:00:00.000Z', channel: 'phone', reached: true, status: 'seeking' });
const enrollmentBody = (cohortId: string) => ({
  cohortId, alumnus: { nik: aNik(), name: 'Gita Matriks', gender: 'female', birthDate: '1990-01-01', education: 'sma' },
});

const MATRIX: Row[] = [
  ['health', () => ({ method: 'GET', path: '/api/health' }), [200, 200, 200, 200, 200]],
  ['who am I', () => ({ method: 'GET', path: '/api/auth/me' }), [200, 200, 200, 200]],
  ['list cohorts', () => ({ method: 'GET', path: '/api/cohorts' }), [200, 200, 200, 200]],
  ['read cohort A', (c) => ({ method: 'GET', path: `/api/cohorts/${c.cohortA.id}` }), [200, 200, 200, 200]],
  ['read cohort B', (c) => ({ method: 'GET', path: `/api/cohorts/${c.cohortB.id}` }), [200, 404, 200, 200]],
  ['list alumni', () => ({ method: 'GET', path: '/api/alumni?q=a' }), [200, 200, 200, 200]],
  ['read alumnus of A', (c) => ({ method: 'GET', path: `/api/alumni/${c.aOnly.id}` }), [200, 200, 200, 200]],
  ['read alumnus of B', (c) => ({ method: 'GET', path: `/api/alumni/${c.bOnly.id}` }), [200, 404, 200, 200]],
  ['list follow-ups of A alumnus', (c) => ({ method: 'GET', path: `/api/follow-ups?alumnusId=${c.aOnly.id}` }), [200, 200, 200, 200]],
  ['list follow-ups of B alumnus', (c) => ({ method: 'GET', path: `/api/follow-ups?alumnusId=${c.bOnly.id}` }), [200, 404, 200, 200]],
  ['list providers', () => ({ method: 'GET', path: '/api/providers' }), [200, 200, 200, 200]],
  ['list vocations', () => ({ method: 'GET', path: '/api/vocations' }), [200, 200, 200, 200]],
  ['read audit', (c) => ({ method: 'GET', path: `/api/audit?entity=cohorts&entityId=${c.cohortA.id}` }), [403, 403, 200, 200]],
  ['list users', () => ({ method: 'GET', path: '/api/users' }), [403, 403, 403, 200]],
  ['absorption report', () => ({ method: 'GET', path: '/api/reports/absorption?asOf=2024-08-31&groupBy=provider' }), [403, 403, 200, 200]],

  ['log follow-up, A alumnus', (c) => ({ method: 'POST', path: '/api/follow-ups', body: followUpBody(c.aOnly.id) }), [201, 201, 403, 403]],
  ['log follow-up, B alumnus', (c) => ({ method: 'POST', path: '/api/follow-ups', body: followUpBody(c.bOnly.id) }), [201, 404, 403, 403]],
  ['void own follow-up', (c) => ({
    method: 'POST', path: `/api/follow-ups/${c.caller === 'staffA' ? c.ownFollowUp.staffA : c.ownFollowUp.officer}/void`, body: { reason: 'salah orang' },
  }), [200, 200, 409, 403]],
  // Supervisors void anyone's follow-up; by their turn the author has voided these two (409).
  ['void another\'s follow-up', (c) => ({
    method: 'POST', path: `/api/follow-ups/${c.caller === 'officer' ? c.ownFollowUp.staffA : c.ownFollowUp.officer}/void`, body: { reason: 'salah orang' },
  }), [403, 403, 409, 403]],
  ['void B follow-up', (c) => ({ method: 'POST', path: `/api/follow-ups/${c.followUps.bOnly.id}/void`, body: { reason: 'x' } }), [403, 404, 200, 403]],
  ['edit contact, A alumnus', (c) => ({ method: 'PATCH', path: `/api/alumni/${c.aOnly.id}/contact`, body: { address: `Jl. ${c.caller}` } }), [200, 200, 403, 403]],
  ['edit contact, B alumnus', (c) => ({ method: 'PATCH', path: `/api/alumni/${c.bOnly.id}/contact`, body: { address: `Jl. ${c.caller}` } }), [200, 404, 403, 403]],
  // Admins choose the provider: without one, their cohort is refused as incomplete (400).
  ['create cohort', (c) => ({ method: 'POST', path: '/api/cohorts', body: cohortBody(c) }), [403, 201, 403, 400]],
  ['create cohort of B', (c) => ({ method: 'POST', path: '/api/cohorts', body: cohortBody(c, c.providerB) }), [403, 403, 403, 201]],
  ['edit cohort A', (c) => ({ method: 'PATCH', path: `/api/cohorts/${c.cohortA.id}`, body: { location: c.caller } }), [403, 200, 403, 200]],
  ['edit cohort B', (c) => ({ method: 'PATCH', path: `/api/cohorts/${c.cohortB.id}`, body: { location: c.caller } }), [403, 404, 403, 200]],
  ['enrol in cohort A', (c) => ({ method: 'POST', path: '/api/enrollments', body: enrollmentBody(c.cohortA.id) }), [403, 201, 403, 403]],
  ['enrol in cohort B', (c) => ({ method: 'POST', path: '/api/enrollments', body: enrollmentBody(c.cohortB.id) }), [403, 404, 403, 403]],
  ['edit enrollment in A', (c) => ({ method: 'PATCH', path: `/api/enrollments/${c.enrollments.aOnly.id}`, body: { certificateNumber: c.caller } }), [403, 200, 403, 403]],
  ['edit enrollment in B', (c) => ({ method: 'PATCH', path: `/api/enrollments/${c.enrollments.sharedB.id}`, body: { certificateNumber: c.caller } }), [403, 404, 403, 403]],

  ['create user', (c) => ({
    method: 'POST', path: '/api/users', body: { username: `new.${c.caller}`, displayName: 'Baru', role: 'officer', password: 'a long enough password' },
  }), [403, 403, 403, 201]],
  ['edit user', (c) => ({ method: 'PATCH', path: `/api/users/${c.target.id}`, body: { displayName: `Diubah ${c.caller}` } }), [403, 403, 403, 200]],
  ['reset a password', (c) => ({ method: 'POST', path: `/api/users/${c.target.id}/password`, body: { password: 'another long password' } }), [403, 403, 403, 204]],
  ['create provider', (c) => ({ method: 'POST', path: '/api/providers', body: { name: `LPK ${c.caller}`, kind: 'lpk' } }), [403, 403, 403, 201]],
  ['edit provider', (c) => ({ method: 'PATCH', path: `/api/providers/${c.providerA}`, body: { address: `Jl. ${c.caller}` } }), [403, 403, 403, 200]],
  ['create vocation', (c) => ({ method: 'POST', path: '/api/vocations', body: { name: `Kejuruan ${c.caller}` } }), [403, 403, 403, 201]],
  ['edit vocation', (c) => ({ method: 'PATCH', path: `/api/vocations/${c.vocationId}`, body: { name: `Barbershop ${c.caller}` } }), [403, 403, 403, 200]],
  ['change own password', () => ({ method: 'POST', path: '/api/auth/password', body: { currentPassword: PASSWORD, newPassword: 'a new long password' } }), [204, 204, 204, 204]],
  // Last: it ends the session the rows above use.
  ['sign out', () => ({ method: 'POST', path: '/api/auth/logout' }), [204, 204, 204, 204]],
];

describeEachDialect('access', (kind) => {
  const database = useTestDatabase(kind);

  it('answers each role exactly as the access matrix says, on every endpoint', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    await db.updateTable('users').set({ passwordHash: await (passwordHash ??= hashPassword(PASSWORD)) }).execute();
    const ownFollowUp = {
      officer: world.followUps.aOnly.id,
      staffA: (await seedFollowUp(db, { alumnusId: world.aOnly.id, officerId: world.users.staffA.id })).id,
    };
    const target = await signedInUser(db, 'officer');
    const users: Record<Caller, TestUser | undefined> = {
      officer: world.users.officer, staffA: world.users.staffA, supervisor: world.users.supervisor, admin: world.users.admin, none: undefined,
    };
    const { send } = dataApi(db, kind);

    const expected: string[] = [];
    const actual: string[] = [];
    for (const [name, request, statuses] of MATRIX) {
      for (const [index, caller] of ROLES.entries()) {
        const user = users[caller];
        const { method, path, body } = request({ ...world, caller, user, ownFollowUp, target });
        const reply = await send(method, path, user?.cookie ?? '', body);
        expected.push(`${name} | ${caller} → ${statuses[index] ?? 401}`);
        actual.push(`${name} | ${caller} → ${reply.status}`);
      }
    }
    expect(actual).toEqual(expected);
  });

  it('never gives provider staff a row of another provider, by any read path', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const staff = world.users.staffA.cookie;
    const reads = [
      '/api/cohorts', `/api/cohorts?providerId=${world.providerB}`, '/api/cohorts?limit=1000&budgetYear=2024&fundingSource=apbd-murni',
      `/api/cohorts/${world.cohortA.id}`, `/api/cohorts/${world.cohortB.id}`,
      '/api/alumni', `/api/alumni?q=${world.bOnly.nik}`, '/api/alumni?q=Bambang', '/api/alumni?q=0812-9999-0007', '/api/alumni?q=99990008',
      '/api/alumni?q=bravo', `/api/alumni?cohortId=${world.cohortA.id}`, `/api/alumni?cohortId=${world.cohortB.id}`,
      `/api/alumni/${world.aOnly.id}`, `/api/alumni/${world.shared.id}`, `/api/alumni/${world.bOnly.id}`,
      '/api/follow-ups', `/api/follow-ups?alumnusId=${world.shared.id}`, `/api/follow-ups?alumnusId=${world.bOnly.id}`,
      '/api/providers', '/api/vocations', '/api/auth/me',
    ];
    const writes: [method: string, path: string, body: unknown][] = [
      ['PATCH', `/api/alumni/${world.bOnly.id}/contact`, { address: 'x' }],
      ['POST', '/api/follow-ups', followUpBody(world.bOnly.id)],
      ['POST', `/api/follow-ups/${world.followUps.bOnly.id}/void`, { reason: 'x' }],
      ['PATCH', `/api/cohorts/${world.cohortB.id}`, { title: 'x' }],
      ['POST', '/api/enrollments', { cohortId: world.cohortB.id, alumnus: { nik: aNik(), name: 'X', gender: 'male', birthDate: '1990-01-01', education: 'sd' } }],
      ['PATCH', `/api/enrollments/${world.enrollments.sharedB.id}`, { outcome: 'graduated' }],
      ['PATCH', `/api/enrollments/${world.enrollments.bOnly.id}`, { outcome: 'graduated' }],
    ];
    const bOnly = [
      world.providerB, world.cohortB.id, world.bOnly.id, world.bOnly.nik, world.bOnly.phone!, world.bOnly.whatsapp!,
      world.enrollments.bOnly.id, world.enrollments.sharedB.id, world.followUps.bOnly.id,
    ];

    const leaks: string[] = [];
    const statuses: string[] = [];
    let seenShared = false;
    for (const [method, path, body] of [...reads.map((path) => ['GET', path, undefined] as const), ...writes]) {
      const reply = await send(method, path, staff, body);
      statuses.push(`${method} ${path} → ${reply.status}`);
      const text = JSON.stringify(reply.body);
      seenShared ||= text.includes(world.shared.id);
      for (const value of bOnly) if (text.includes(value)) leaks.push(`${method} ${path} shows ${value}`);
      // Every B-only text value (provider, cohort, person, certificate, note) carries "Bravo".
      if (/bravo/i.test(text)) leaks.push(`${method} ${path} shows "bravo"`);
    }
    expect(leaks).toEqual([]);
    // Not vacuous: the requests worked, and the alumnus trained at both providers is visible.
    expect(seenShared).toBe(true);
    expect(statuses.filter((line) => !/→ (200|404)$/.test(line))).toEqual([]);
  });
});
