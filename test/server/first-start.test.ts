import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFirstAdmin } from '../../src/server/auth/first-admin';
import { verifyPassword } from '../../src/server/auth/password';
import { describeEachDialect, useTestDatabase } from './databases';
import { serve, tmp } from './jejak-bin';

describe('jejak serve over an empty database', () => {
  it('creates admin and prints its password once; the second start does not', async () => {
    const env = { DATABASE_URL: `sqlite:${join(tmp, 'first.db')}` };
    const first = await serve(env);
    try {
      const password = /First start: created user admin with password (\S{18}) ; change it after signing in\./.exec(first.stdout)?.[1];
      expect(password).toBeDefined();
      expect(first.stdout).toContain('Added 40 common vocations');
      // The real server over a real socket: the printed password signs in.
      const res = await fetch(`http://127.0.0.1:${first.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ user: { username: 'admin', role: 'admin', displayName: 'Administrator' }, mustChangePassword: true });
    } finally {
      await first.stop();
    }
    const second = await serve(env);
    await second.stop();
    expect(second.stdout).not.toContain('First start');
    expect(second.stdout).not.toContain('password');
    expect(second.stdout).not.toContain('vocations');
  });
});

describeEachDialect('createFirstAdmin', (kind) => {
  const database = useTestDatabase(kind);

  it('creates a must-change admin over an empty users table only, audited as system', async () => {
    const { db } = database.current;
    const created = await createFirstAdmin(db, new Date('2024-01-08T01:00:00.000Z'));
    expect(created).toEqual({ username: 'admin', password: expect.stringMatching(/^[A-Za-z0-9_-]{18}$/) as unknown });
    expect(await createFirstAdmin(db, new Date())).toBeNull();

    const admin = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(admin).toMatchObject({ username: 'admin', role: 'admin', displayName: 'Administrator', active: 1, mustChangePassword: 1 });
    expect(await verifyPassword(created!.password, admin.passwordHash)).toBe(true);
    expect(await db.selectFrom('auditLog').select(['userId', 'mutation']).execute()).toEqual([{ userId: 'system', mutation: 'user.create' }]);
  });
});
