import { expect, it } from 'vitest';
import { LOGIN_LIMITS, reserveLoginAttempt } from '../../../src/server/auth/rate-limit';
import { PASSWORD, T0, clockedApp, errorOf, insertAccount, login, postJson, sessionCookie } from '../accounts';
import { describeEachDialect, useTestDatabase } from '../databases';
import { signedInUser } from '../sign-in';

const MINUTE = 60 * 1000;

describeEachDialect('signing in', (kind) => {
  const database = useTestDatabase(kind);
  const app = (options: { trustProxy?: boolean } = {}) => clockedApp(database.current.db, kind, options);
  const me = (a: ReturnType<typeof app>, cookie: string) => a.request('/api/auth/me', { headers: { cookie } });

  it('signs in with an HttpOnly SameSite=Strict cookie that /api/auth/me then accepts', async () => {
    const api = app();
    const account = await insertAccount(database.current.db, 'officer', { username: 'siti.petugas' });
    // Usernames are case-insensitive; X-Forwarded-For is ignored without TRUST_PROXY.
    const res = await login(api, ' Siti.Petugas ', PASSWORD, { 'x-forwarded-for': '203.0.113.7' });
    expect(res.status).toBe(200);
    const user = { id: account.id, username: 'siti.petugas', displayName: 'Uji officer', role: 'officer', providerId: null, providerName: null, managesCohorts: false };
    expect(await res.json()).toEqual({ user, mustChangePassword: false });

    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^jejak_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain(`Max-Age=${30 * 24 * 60 * 60}`);
    expect(setCookie).not.toContain('Secure');

    const answer = await me(api, sessionCookie(res));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ user, mustChangePassword: false });

    const attempts = await database.current.db.selectFrom('loginAttempts').select(['key', 'succeeded']).orderBy('key').execute();
    expect(attempts).toEqual([{ key: 'ip:unknown', succeeded: 1 }, { key: 'pair:siti.petugas|unknown', succeeded: 1 }, { key: 'user:siti.petugas', succeeded: 1 }]);
  });

  it('marks the cookie Secure when the browser came over HTTPS', async () => {
    const { username } = await insertAccount(database.current.db, 'supervisor');
    const secure = await login(app(), username, PASSWORD, {}, 'https://jejak.example');
    expect(secure.headers.get('set-cookie')).toContain('Secure');
    // Behind a TLS-terminating proxy the request is plain http; the proxy says https.
    const proxied = await login(app({ trustProxy: true }), username, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toContain('Secure');
  });

  it('answers a wrong password, an unknown user and a user without a password alike', async () => {
    const api = app();
    const { username } = await insertAccount(database.current.db, 'officer');
    const { username: noPassword } = await signedInUser(database.current.db, 'officer');
    for (const [name, password] of [[username, 'wrong password'], ['nobody.here', PASSWORD], [noPassword, PASSWORD]] as const) {
      const res = await login(api, name, password);
      expect(res.status, name).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.json()).toEqual({ error: { code: 'invalid-credentials', message: 'wrong username or password' } });
    }
  });

  it('tells a deactivated user so, but only once they gave the right password', async () => {
    const api = app();
    const { username } = await insertAccount(database.current.db, 'officer', { active: false });
    expect(await errorOf(await login(api, username, 'wrong password'))).toMatchObject({ code: 'invalid-credentials' });
    const res = await login(api, username, PASSWORD);
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ code: 'account-deactivated' });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it(`slows a (username, address) pair after ${LOGIN_LIMITS.freePerPair} failures with doubling delays; other addresses and a success are not held`, async () => {
    const api = app({ trustProxy: true });
    const { db } = database.current;
    const { username } = await insertAccount(db, 'officer');
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < LOGIN_LIMITS.freePerPair; i++) expect((await login(api, username, 'wrong password', from('203.0.113.7'))).status).toBe(401);
    const waiting = await login(api, username, PASSWORD, from('203.0.113.7'));
    expect([waiting.status, waiting.headers.get('retry-after')]).toEqual([429, '60']);
    // The owner at another desk (or a colleague behind another address) is not refused.
    expect((await login(api, username, PASSWORD, from('198.51.100.1'))).status).toBe(200);
    api.advance(MINUTE);
    expect((await login(api, username, 'wrong password', from('203.0.113.7'))).status).toBe(401);
    const longer = await login(api, username, PASSWORD, from('203.0.113.7'));
    expect([longer.status, longer.headers.get('retry-after')]).toEqual([429, '120']);
    api.advance(2 * MINUTE);
    expect((await login(api, username, PASSWORD, from('203.0.113.7'))).status).toBe(200);
    // The success forgave the pair: the next mistake costs nothing.
    expect((await login(api, username, 'wrong password', from('203.0.113.7'))).status).toBe(401);
    expect((await login(api, username, PASSWORD, from('203.0.113.7'))).status).toBe(200);
  });

  it(`past ${LOGIN_LIMITS.perUsername} failures on one account, only addresses that have not been guessing may try`, async () => {
    const api = app({ trustProxy: true });
    const { db } = database.current;
    const { username } = await insertAccount(db, 'officer');
    for (let i = 0; i < LOGIN_LIMITS.perUsername; i++) await reserveLoginAttempt(db, { username, address: `10.0.${Math.floor(i / 4)}.${i % 4}` }, T0);
    const guesser = await login(api, username, PASSWORD, { 'x-forwarded-for': '10.0.0.1' });
    expect(guesser.status).toBe(429);
    expect((await login(api, username, PASSWORD, { 'x-forwarded-for': '192.0.2.50' })).status).toBe(200);
  });

  it(`limits an address to ${LOGIN_LIMITS.perAddress} failures an hour, whatever usernames it tries`, async () => {
    const api = app({ trustProxy: true });
    const { db } = database.current;
    const { username } = await insertAccount(db, 'officer');
    const from = (address: string) => ({ 'x-forwarded-for': `10.9.9.9, ${address}` });
    for (let i = 1; i < LOGIN_LIMITS.perAddress; i++) await reserveLoginAttempt(db, { username: `guess${i}`, address: '203.0.113.7' }, T0);
    expect((await login(api, 'guess.last', PASSWORD, from('203.0.113.7'))).status).toBe(401);
    const blocked = await login(api, username, PASSWORD, from('203.0.113.7'));
    expect([blocked.status, blocked.headers.get('retry-after')]).toEqual([429, '3600']);
    // The proxy appends the real client last; a forged first entry changes nothing.
    expect((await login(api, username, PASSWORD, from('198.51.100.1'))).status).toBe(200);
    api.advance(LOGIN_LIMITS.windowMs);
    expect((await login(api, username, PASSWORD, from('203.0.113.7'))).status).toBe(200);
  });

  it('answers malformed or incomplete login bodies with 400, never 500', async () => {
    const api = app();
    const malformed = await postJson(api, '/api/auth/login', '{"username": "a", ');
    expect(malformed.status).toBe(400);
    expect(await errorOf(malformed)).toMatchObject({ code: 'malformed-json' });
    const incomplete = await postJson(api, '/api/auth/login', { username: 'siti', password: 42 });
    expect(incomplete.status).toBe(400);
    expect(await errorOf(incomplete)).toMatchObject({ code: 'invalid-body', details: [{ path: 'password', code: 'invalid-type' }] });
    for (const body of ['[]', 'null', '"text"']) {
      expect((await postJson(api, '/api/auth/login', body)).status, body).toBe(400);
    }
    // PostgreSQL refuses U+0000 in text: the schema must, before the query does.
    const nul = await postJson(api, '/api/auth/login', { username: 'si\u0000ti', password: 'whatever' });
    expect(nul.status).toBe(400);
    expect(await errorOf(nul)).toMatchObject({ details: [{ path: 'username', code: 'invalid-character' }] });
  });
});
