import { expect, it } from 'vitest';
import { T0, clockedApp, errorOf } from '../accounts';
import { describeEachDialect, useTestDatabase } from '../databases';
import { signedInUser } from '../sign-in';

const DAY = 24 * 60 * 60 * 1000;

describeEachDialect('sessions', (kind) => {
  const database = useTestDatabase(kind);
  const app = () => clockedApp(database.current.db, kind);
  const me = (a: ReturnType<typeof app>, cookie: string) => a.request('/api/auth/me', { headers: { cookie } });

  it('ends a session unused for 30 days with 401 session-expired; use slides it', async () => {
    const api = app();
    const { cookie } = await signedInUser(database.current.db, 'officer', { now: T0 });
    api.advance(20 * DAY);
    const used = await me(api, cookie);
    expect(used.status).toBe(200);
    // The browser's cookie slides with the session, or it would lapse 30 days after login.
    expect(used.headers.get('set-cookie')).toContain(`Max-Age=${30 * 24 * 60 * 60}`);
    api.advance(29 * DAY);
    expect((await me(api, cookie)).status).toBe(200);

    api.advance(31 * DAY);
    const expired = await me(api, cookie);
    expect(expired.status).toBe(401);
    expect(await errorOf(expired)).toMatchObject({ code: 'session-expired' });
    expect(await errorOf(await me(api, cookie))).toMatchObject({ code: 'unauthenticated' });
  });

  it('logs out: 204, the cookie is cleared and no longer works', async () => {
    const api = app();
    const { cookie } = await signedInUser(database.current.db, 'provider-staff');
    const res = await api.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^jejak_session=; Max-Age=0;/);
    expect(await errorOf(await me(api, cookie))).toMatchObject({ code: 'unauthenticated' });
  });

  it("ends a user's sessions when an admin deactivates them", async () => {
    const api = app();
    const { db } = database.current;
    const admin = await signedInUser(db, 'admin');
    const officer = await signedInUser(db, 'officer');
    expect((await me(api, officer.cookie)).status).toBe(200);
    const res = await api.request(`/api/users/${officer.id}`, {
      method: 'PATCH', body: JSON.stringify({ active: false }), headers: { cookie: admin.cookie, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(await errorOf(await me(api, officer.cookie))).toMatchObject({ code: 'unauthenticated' });
    expect(await db.selectFrom('sessions').select('userId').where('userId', '=', officer.id).execute()).toEqual([]);
  });
});
