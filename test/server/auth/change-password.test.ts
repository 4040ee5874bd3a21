import { expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { createSession, SESSION_COOKIE } from '../../../src/server/auth/sessions';
import { PASSWORD, insertAccount, login, postJson, sessionCookie } from '../accounts';
import { describeEachDialect, useTestDatabase } from '../databases';

const NEW_PASSWORD = 'a much longer passphrase';

describeEachDialect('changing one\'s own password', (kind) => {
  const database = useTestDatabase(kind);
  const app = () => createApp({ db: database.current.db, dbKind: kind, version: 'test' });

  it('lets any role change it: other sessions end, this one stays, and it is audited without the hash', async () => {
    const api = app();
    const { db } = database.current;
    // A supervisor changes nothing else, but their own password.
    const account = await insertAccount(db, 'supervisor');
    const signedIn = await login(api, account.username, PASSWORD);
    const cookie = sessionCookie(signedIn);
    const other = `${SESSION_COOKIE}=${(await createSession(db, account.id, new Date())).token}`;

    const res = await postJson(api, '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { cookie });
    expect(res.status).toBe(204);
    expect((await api.request('/api/auth/me', { headers: { cookie } })).status).toBe(200);
    expect((await api.request('/api/auth/me', { headers: { cookie: other } })).status).toBe(401);

    const [entry] = await db.selectFrom('auditLog').selectAll().where('entityId', '=', account.id).execute();
    expect(entry).toMatchObject({ userId: account.id, mutation: 'user.password', entity: 'users', beforeJson: '{"mustChangePassword":false}' });
    expect(JSON.parse(entry!.afterJson!)).toEqual({ passwordChangedAt: expect.any(String) as unknown, mustChangePassword: false });

    expect((await login(api, account.username, PASSWORD)).status).toBe(401);
    expect((await login(api, account.username, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses a wrong current password with 403 (the session stays) and a short new one with 400', async () => {
    const api = app();
    const { db } = database.current;
    const account = await insertAccount(db, 'officer');
    const cookie = `${SESSION_COOKIE}=${(await createSession(db, account.id, new Date())).token}`;

    const wrong = await postJson(api, '/api/auth/password', { currentPassword: 'not it at all', newPassword: NEW_PASSWORD }, { cookie });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ error: { code: 'invalid-credentials', message: 'the current password is wrong' } });

    const short = await postJson(api, '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }, { cookie });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: { code: 'invalid-body', details: [{ path: 'newPassword', code: 'password-too-short' }] } });

    expect((await api.request('/api/auth/me', { headers: { cookie } })).status).toBe(200);
    expect(await db.selectFrom('auditLog').select('id').execute()).toEqual([]);
  });
});
