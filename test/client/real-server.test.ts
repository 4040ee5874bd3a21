import { describe, expect, it } from 'vitest';
import { PASSWORD, addUser } from './accounts';
import { useRealServer } from './real-server';

const server = useRealServer();

function post(path: string, body: unknown) {
  return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describe('the test network to the real server', () => {
  it('keeps the session cookie like a browser: out of scripts\' sight, sent with every request, cleared on logout', async () => {
    const user = await addUser(server.current, 'officer');
    const login = await post('/api/auth/login', { username: user.username, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toBeNull();
    expect([...server.current.cookies.keys()]).toEqual(['jejak_session']);

    expect((await fetch('/api/auth/me')).status).toBe(200);
    // A write with a body goes from this origin and signed in: refused for the officer's
    // role, not as cross-origin (403) nor as "sign in first" (401).
    const write = await post('/api/providers', { name: 'LPK Baru', kind: 'lpk', address: '', phone: null });
    expect(await write.json()).toMatchObject({ error: { code: 'forbidden' } });

    expect((await fetch('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(server.current.cookies.size).toBe(0);
    expect((await fetch('/api/auth/me')).status).toBe(401);
  });

  it('reaches only this origin', async () => {
    await expect(fetch('https://example.com/api/health')).rejects.toThrow(TypeError);
  });
});
