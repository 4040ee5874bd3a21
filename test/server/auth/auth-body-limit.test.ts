import { expect, it } from 'vitest';
import { PASSWORD, clockedApp, errorOf, insertAccount, login, postJson } from '../accounts';
import { describeEachDialect, useTestDatabase } from '../databases';

describeEachDialect('the sign-in body limit', (kind) => {
  const database = useTestDatabase(kind);

  it('refuses a body over 16 KB with 413 before reading it, declared or streamed, and still signs in', async () => {
    const { db } = database.current;
    const api = clockedApp(db, kind);
    // 32 KB of `[[[…]]]`: a username and a password never come near 16 KB.
    const nested = `${'['.repeat(16 * 1024)}${']'.repeat(16 * 1024)}`;

    for (const headers of [{}, { 'content-length': String(nested.length) }]) {
      const res = await postJson(api, '/api/auth/login', nested, headers);
      expect(res.status, JSON.stringify(headers)).toBe(413);
      expect(await errorOf(res)).toEqual({ code: 'too-large', message: 'the request body is larger than 16 KB' });
    }
    // Refused before the rate limiter saw an attempt.
    expect(await db.selectFrom('loginAttempts').selectAll().execute()).toEqual([]);

    const { username } = await insertAccount(db, 'officer');
    expect((await login(api, username, PASSWORD)).status).toBe(200);
  });
});
