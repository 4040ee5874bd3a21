import { expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { login } from './accounts';
import { describeEachDialect, useTestDatabase } from './databases';
import { insertProvider, signedInUser } from './sign-in';

const T0 = new Date('2024-08-31T09:00:00.000Z');
const MISSING_ID = '00000000-0000-4000-8000-000000000999';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; code: string }[] } };

describeEachDialect('the admin API', (kind) => {
  const database = useTestDatabase(kind);

  function api() {
    const clock = { now: T0 };
    const app = createApp({ db: database.current.db, dbKind: kind, version: 'test', clock: () => clock.now });
    const send = (method: string, path: string, cookie: string, body?: unknown) =>
      app.request(path, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
    return { app, send, tick: () => (clock.now = new Date(clock.now.getTime() + 1000)) };
  }

  async function auditOf(entityId: string) {
    return database.current.db.selectFrom('auditLog').selectAll().where('entityId', '=', entityId).orderBy('at').execute();
  }

  it('creates, lists, edits and resets users, auditing each change with before/after and never a hash', async () => {
    const { app, send, tick } = api();
    const { db } = database.current;
    const admin = await signedInUser(db, 'admin');
    const providerId = await insertProvider(db, 'LPK Barber Nusantara');

    const created = await send('POST', '/api/users', admin.cookie, {
      username: ' Reza.F ', displayName: 'Reza Firmansyah', role: 'provider-staff', providerId, password: 'first password 1',
    });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: string } };
    expect(user).toEqual({
      id: expect.any(String) as unknown, username: 'reza.f', displayName: 'Reza Firmansyah', role: 'provider-staff', providerId,
      active: true, managesCohorts: false, createdAt: T0.toISOString(), updatedAt: T0.toISOString(),
    });

    const listed = (await (await send('GET', '/api/users', admin.cookie)).json()) as { users: { username: string }[] };
    expect(listed.users.map((u) => u.username).sort()).toEqual([admin.username, 'reza.f'].sort());
    expect(JSON.stringify(listed)).not.toMatch(/password|scrypt/i);

    tick();
    const edited = await send('PATCH', `/api/users/${user.id}`, admin.cookie, { displayName: 'Reza F.', role: 'officer' });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ user: { displayName: 'Reza F.', role: 'officer', providerId: null, active: true } });

    // The user signs in, then an admin resets the password: that session ends.
    const session = await login(app, 'reza.f', 'first password 1');
    const cookie = /jejak_session=[^;]*/.exec(session.headers.get('set-cookie') ?? '')![0];
    tick();
    expect((await send('POST', `/api/users/${user.id}/password`, admin.cookie, { password: 'second password 2' })).status).toBe(204);
    expect((await send('GET', '/api/auth/me', cookie)).status).toBe(401);
    const again = await login(app, 'reza.f', 'second password 2');
    expect(await again.json()).toMatchObject({ mustChangePassword: true });

    const audit = await auditOf(user.id);
    expect(audit.map((entry) => [entry.mutation, entry.userId])).toEqual([
      ['user.create', admin.id], ['user.update', admin.id], ['user.password-reset', admin.id],
    ]);
    expect(audit[0]!.beforeJson).toBeNull();
    expect(JSON.parse(audit[1]!.beforeJson!)).toMatchObject({ role: 'provider-staff', providerId, displayName: 'Reza Firmansyah' });
    expect(JSON.parse(audit[1]!.afterJson!)).toMatchObject({ role: 'officer', providerId: null, displayName: 'Reza F.' });
    for (const entry of audit) expect(`${entry.beforeJson} ${entry.afterJson}`).not.toMatch(/scrypt|passwordHash|password 1|password 2/);
  });

  it('grants officers cohort rights, which go with the officer role and apply to their open session at once', async () => {
    const { app, send } = api();
    const { db } = database.current;
    const admin = await signedInUser(db, 'admin');
    const providerId = await insertProvider(db, 'LPK Barber Nusantara');
    const vocation = await db.insertInto('vocations').values({ id: '00000000-0000-4000-8000-0000000000a1', createdAt: T0.toISOString(), updatedAt: T0.toISOString(), deleted: 0, name: 'Las' }).returning('id').executeTakeFirstOrThrow();
    const cohort = { providerId, vocationId: vocation.id, title: 'Las', fundingSource: 'apbn', budgetYear: 2025, startDate: '2025-03-03', endDate: '2025-04-11' };

    const created = await send('POST', '/api/users', admin.cookie, { username: 'sari', displayName: 'Sari', role: 'officer', managesCohorts: true, password: 'long enough password' });
    const { user } = (await created.json()) as { user: { id: string; managesCohorts: boolean } };
    expect(user.managesCohorts).toBe(true);
    const session = await login(app, 'sari', 'long enough password');
    const cookie = /jejak_session=[^;]*/.exec(session.headers.get('set-cookie') ?? '')![0];
    expect(await (await send('GET', '/api/auth/me', cookie)).json()).toMatchObject({ user: { role: 'officer', managesCohorts: true } });
    expect((await send('POST', '/api/cohorts', cookie, cohort)).status).toBe(201);

    // Taken back: the next request of the same session is refused.
    expect(await (await send('PATCH', `/api/users/${user.id}`, admin.cookie, { managesCohorts: false })).json()).toMatchObject({ user: { managesCohorts: false } });
    expect((await send('POST', '/api/cohorts', cookie, cohort)).status).toBe(403);

    // Only officers hold them: granted with another role, or kept across a change of role, they are dropped.
    const supervisor = await send('POST', '/api/users', admin.cookie, { username: 'kabid', displayName: 'Kabid', role: 'supervisor', managesCohorts: true, password: 'long enough password' });
    expect(await supervisor.json()).toMatchObject({ user: { managesCohorts: false } });
    await send('PATCH', `/api/users/${user.id}`, admin.cookie, { managesCohorts: true });
    const promoted = await send('PATCH', `/api/users/${user.id}`, admin.cookie, { role: 'supervisor' });
    expect(await promoted.json()).toMatchObject({ user: { role: 'supervisor', managesCohorts: false } });
  });

  it('answers bad user input with 400, the code and the field', async () => {
    const { send } = api();
    const { db } = database.current;
    const admin = await signedInUser(db, 'admin');
    const valid = { username: 'budi', displayName: 'Budi', role: 'officer', password: 'long enough password' };
    const cases: [body: unknown, path: string, code: string][] = [
      [{ ...valid, username: undefined }, 'username', 'required'],
      [{ ...valid, displayName: 42 }, 'displayName', 'invalid-type'],
      [{ ...valid, role: 'root' }, 'role', 'invalid-choice'],
      [{ ...valid, password: 'short' }, 'password', 'password-too-short'],
      [{ ...valid, username: 'no spaces allowed' }, 'username', 'username-format'],
      [{ ...valid, role: 'provider-staff' }, 'providerId', 'provider-required'],
      [{ ...valid, providerId: 'not-a-uuid' }, 'providerId', 'invalid-id'],
      [{ ...valid, role: 'provider-staff', providerId: MISSING_ID }, 'providerId', 'not-found'],
      [{ ...valid, managesCohorts: 'yes' }, 'managesCohorts', 'invalid-type'],
    ];
    for (const [body, path, code] of cases) {
      const res = await send('POST', '/api/users', admin.cookie, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = (await res.json()) as ErrorBody;
      expect(error.code).toBe('invalid-body');
      expect(error.details, JSON.stringify(body)).toContainEqual({ path, code });
    }
    expect((await send('POST', '/api/users', admin.cookie, '{"username":')).status).toBe(400);
    expect(await db.selectFrom('users').select('username').execute()).toEqual([{ username: admin.username }]);

    const taken = await send('POST', '/api/users', admin.cookie, { ...valid, username: admin.username.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as ErrorBody).error.code).toBe('username-taken');
  });

  it('keeps admins from locking themselves out and answers unknown ids with 404', async () => {
    const { send } = api();
    const { db } = database.current;
    const admin = await signedInUser(db, 'admin');
    for (const patch of [{ active: false }, { role: 'supervisor' }]) {
      const res = await send('PATCH', `/api/users/${admin.id}`, admin.cookie, patch);
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('self-demotion');
    }
    expect((await send('PATCH', `/api/users/${admin.id}`, admin.cookie, { displayName: 'Me Myself' })).status).toBe(200);

    for (const id of [MISSING_ID, 'not-a-uuid', "1' or '1'='1"]) {
      const res = await send('PATCH', `/api/users/${encodeURIComponent(id)}`, admin.cookie, { displayName: 'X' });
      expect(res.status, id).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe('not-found');
      expect((await send('POST', `/api/users/${encodeURIComponent(id)}/password`, admin.cookie, { password: 'long enough password' })).status).toBe(404);
    }
    const staff = await signedInUser(db, 'provider-staff');
    const orphaned = await send('PATCH', `/api/users/${staff.id}`, admin.cookie, { providerId: null });
    expect(((await orphaned.json()) as ErrorBody).error.details).toEqual([{ path: 'providerId', code: 'provider-required' }]);
  });

  it('lets only admins manage users, and supervisors and admins read the audit log', async () => {
    const { send } = api();
    const { db } = database.current;
    const admin = await signedInUser(db, 'admin');
    for (const role of ['officer', 'provider-staff', 'supervisor'] as const) {
      const { cookie, id } = await signedInUser(db, role);
      expect((await send('GET', '/api/users', cookie)).status, role).toBe(403);
      expect((await send('PATCH', `/api/users/${id}`, cookie, { displayName: 'Self-made' })).status, role).toBe(403);
      expect((await send('POST', '/api/vocations', cookie, { name: 'Las' })).status, role).toBe(403);
      expect((await send('GET', '/api/audit', cookie)).status, role).toBe(role === 'supervisor' ? 200 : 403);
    }

    const created = (await (await send('POST', '/api/vocations', admin.cookie, { name: 'Barbershop' })).json()) as { vocation: { id: string } };
    const supervisor = await signedInUser(db, 'supervisor');
    const res = await send('GET', `/api/audit?entity=vocations&entityId=${created.vocation.id}`, supervisor.cookie);
    expect(await res.json()).toEqual({
      entries: [{
        id: expect.any(String) as unknown, userId: admin.id, username: admin.username, clientId: null, mutation: 'vocation.create',
        entity: 'vocations', entityId: created.vocation.id, before: null, after: { ...created.vocation }, at: T0.toISOString(),
      }],
    });
    expect((await send('GET', '/api/audit?limit=abc', supervisor.cookie)).status).toBe(400);
    expect((await send('GET', '/api/audit?entityId=a%00b', supervisor.cookie)).status).toBe(400);
  });

  it('creates and patches providers and vocations, audited, with booleans as booleans', async () => {
    const { send, tick } = api();
    const { db } = database.current;
    const admin = await signedInUser(db, 'admin');

    const created = await send('POST', '/api/providers', admin.cookie, { name: '  LPK Maju Jaya ', kind: 'lpk', phone: '0812-3456-7890' });
    expect(created.status).toBe(201);
    const { provider } = (await created.json()) as { provider: { id: string } };
    expect(provider).toEqual({
      id: expect.any(String) as unknown, createdAt: T0.toISOString(), updatedAt: T0.toISOString(), deleted: false,
      name: 'LPK Maju Jaya', kind: 'lpk', address: '', phone: '+6281234567890',
    });
    // A client-made id is kept; using it twice is a conflict.
    const id = '00000000-0000-4000-8000-000000000042';
    expect((await send('POST', '/api/vocations', admin.cookie, { id, name: 'Pengelasan' })).status).toBe(201);
    expect((await send('POST', '/api/vocations', admin.cookie, { id, name: 'Pengelasan' })).status).toBe(409);

    tick();
    const patched = await send('PATCH', `/api/providers/${provider.id}`, admin.cookie, { deleted: true, address: 'Jl. Ahmad Yani 1' });
    expect(await patched.json()).toMatchObject({ provider: { deleted: true, address: 'Jl. Ahmad Yani 1', updatedAt: new Date(T0.getTime() + 1000).toISOString() } });
    expect(await (await send('PATCH', `/api/vocations/${id}`, admin.cookie, { name: 'Las' })).json()).toMatchObject({ vocation: { name: 'Las', deleted: false } });

    const bad = await send('POST', '/api/providers', admin.cookie, { name: '', kind: 'school', phone: '12' });
    expect(((await bad.json()) as ErrorBody).error.details).toEqual([
      { path: 'name', code: 'required' }, { path: 'kind', code: 'invalid-choice' }, { path: 'phone', code: 'phone-invalid' },
    ]);
    expect((await send('PATCH', `/api/providers/${MISSING_ID}`, admin.cookie, { name: 'X' })).status).toBe(404);
    expect((await send('PATCH', `/api/providers/${provider.id}`, admin.cookie, { deleted: 'yes' })).status).toBe(400);

    const audit = await auditOf(provider.id);
    expect(audit.map((entry) => entry.mutation)).toEqual(['provider.create', 'provider.update']);
    expect(JSON.parse(audit[1]!.beforeJson!)).toMatchObject({ deleted: false, address: '' });
    expect(JSON.parse(audit[1]!.afterJson!)).toMatchObject({ deleted: true, address: 'Jl. Ahmad Yani 1' });
  });

  it('shows provider staff only their own provider, and everyone every vocation', async () => {
    const { send } = api();
    const { db } = database.current;
    const own = await insertProvider(db, 'LPK Ayu Kencana');
    await insertProvider(db, 'BLK Nurul Huda');
    const staff = await signedInUser(db, 'provider-staff', { providerId: own });
    const officer = await signedInUser(db, 'officer');
    const admin = await signedInUser(db, 'admin');
    await send('POST', '/api/vocations', admin.cookie, { name: 'Tata rias' });

    const names = async (cookie: string) =>
      ((await (await send('GET', '/api/providers', cookie)).json()) as { providers: { name: string }[] }).providers.map((p) => p.name);
    expect(await names(staff.cookie)).toEqual(['LPK Ayu Kencana']);
    expect(await names(officer.cookie)).toEqual(['BLK Nurul Huda', 'LPK Ayu Kencana']);
    const vocations = (await (await send('GET', '/api/vocations', staff.cookie)).json()) as { vocations: { name: string; deleted: boolean }[] };
    expect(vocations.vocations).toMatchObject([{ name: 'Tata rias', deleted: false }]);
  });
});
