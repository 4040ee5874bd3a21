import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { passwordProblem } from '../../../src/server/auth/password-rules';
import { createSession, SESSION_COOKIE } from '../../../src/server/auth/sessions';
import { PASSWORD, insertAccount, postJson } from '../accounts';
import { describeEachDialect, useTestDatabase } from '../databases';

describe('passwordProblem', () => {
  it.each([
    ['aaaaaaaaaa', 'siti', 'password-too-simple'],
    ['1212121212', 'siti', 'password-too-simple'],
    ['abcabcabcabc', 'siti', 'password-too-simple'],
    ['siti.aminah2024', 'siti.aminah', 'password-contains-username'],
    ['My-SITI.AMINAH-pw', 'siti.aminah', 'password-contains-username'],
    ['1234567890', 'siti', 'password-common'],
    ['qwertyuiop', 'siti', 'password-common'],
    ['Password2024!', 'siti', 'password-common'],
    ['iloveyou12345', 'siti', 'password-common'],
    ['bismillah123', 'siti', 'password-common'],
    ['Indonesia2024', 'siti', 'password-common'],
    ['correct horse battery', 'siti', null],
    ['sandi awal dewi', 'staf.terampil', null],
    ['jejak-demo-2024', 'andi.petugas', null],
    ['kopi susu di pagi hari', 'admin', null],
  ] as const)('%j for %j → %j', (password, username, expected) => {
    expect(passwordProblem(password, username)).toBe(expected);
  });
});

describeEachDialect('password rules on every way a password is set', (kind) => {
  const database = useTestDatabase(kind);

  it('refuses a common password, the username inside, or too few characters: creating, resetting and changing one\'s own', async () => {
    const { db } = database.current;
    const api = createApp({ db, dbKind: kind, version: 'test' });
    const admin = await insertAccount(db, 'admin');
    const adminCookie = `${SESSION_COOKIE}=${(await createSession(db, admin.id, new Date())).token}`;
    const officer = await insertAccount(db, 'officer');
    const officerCookie = `${SESSION_COOKIE}=${(await createSession(db, officer.id, new Date())).token}`;
    const issue = async (res: Response) => ((await res.json()) as { error: { code: string; details: unknown } }).error;

    const user = { username: 'rina.s', displayName: 'Rina', role: 'officer', providerId: null };
    for (const [password, code] of [['aaaaaaaaaa', 'password-too-simple'], ['rina.s-2024!', 'password-contains-username'], ['password123', 'password-common']] as const) {
      const created = await postJson(api, '/api/users', { ...user, password }, { cookie: adminCookie });
      expect([password, created.status, await issue(created)]).toMatchObject([password, 400, { code: 'invalid-body', details: [{ path: 'password', code }] }]);
    }
    expect((await postJson(api, '/api/users', { ...user, password: 'kopi susu di pagi hari' }, { cookie: adminCookie })).status).toBe(201);

    const reset = await postJson(api, `/api/users/${officer.id}/password`, { password: `${officer.username}-baru` }, { cookie: adminCookie });
    expect([reset.status, await issue(reset)]).toMatchObject([400, { details: [{ path: 'password', code: 'password-contains-username' }] }]);

    const own = await postJson(api, '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'qwertyuiop' }, { cookie: officerCookie });
    expect([own.status, await issue(own)]).toMatchObject([400, { details: [{ path: 'newPassword', code: 'password-common' }] }]);
    expect((await postJson(api, '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'teh manis tanpa gula' }, { cookie: officerCookie })).status).toBe(204);
  });

  it('opens nothing but "who am I", changing the password and signing out while a password someone else chose stands', async () => {
    const { db } = database.current;
    const api = createApp({ db, dbKind: kind, version: 'test' });
    const account = await insertAccount(db, 'officer');
    await db.updateTable('users').set({ mustChangePassword: 1 }).where('id', '=', account.id).execute();
    const cookie = `${SESSION_COOKIE}=${(await createSession(db, account.id, new Date())).token}`;
    const get = (path: string) => api.request(path, { headers: { cookie } });

    for (const path of ['/api/alumni', '/api/cohorts', '/api/follow-ups', '/api/providers']) {
      const refused = await get(path);
      expect([path, refused.status, (await refused.json() as { error: { code: string } }).error.code]).toEqual([path, 403, 'password-change-required']);
    }
    const pull = await postJson(api, '/api/sync/pull', { protocolVersion: 1, clientId: '00000000-0000-4000-8000-000000000001', cursor: null }, { cookie });
    expect(pull.status).toBe(403);
    const me = await get('/api/auth/me');
    expect([me.status, (await me.json() as { mustChangePassword: boolean }).mustChangePassword]).toEqual([200, true]);

    expect((await postJson(api, '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'teh manis tanpa gula' }, { cookie })).status).toBe(204);
    expect((await get('/api/alumni')).status).toBe(200);
    expect((await postJson(api, '/api/auth/logout', {}, { cookie })).status).toBe(204);
  });
});
