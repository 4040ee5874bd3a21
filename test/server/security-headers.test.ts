import { expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { CONTENT_SECURITY_POLICY } from '../../src/server/http/security-headers';
import { describeEachDialect, useTestDatabase } from './databases';
import { signedInUser } from './sign-in';

describeEachDialect('security headers and the configured origin', (kind) => {
  const database = useTestDatabase(kind);

  it('sends a strict CSP, nosniff, no referrer and no framing on every answer, errors included', async () => {
    const api = createApp({ db: database.current.db, dbKind: kind, version: 'test' });
    const { cookie } = await signedInUser(database.current.db, 'officer');
    const answers = [
      await api.request('/api/health'),
      await api.request('/api/alumni', { headers: { cookie } }),
      await api.request('/api/alumni'), // 401
      await api.request('/api/no-such-route', { headers: { cookie } }), // 404
      await api.request('/r/not-a-token'),
      await api.request('/r/answer.css'),
    ];
    for (const res of answers) {
      expect({ status: res.status, csp: res.headers.get('content-security-policy') }).toEqual({ status: res.status, csp: CONTENT_SECURITY_POLICY });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('checks the origin against PUBLIC_URL when set, whatever Host the request names', async () => {
    const api = createApp({ db: database.current.db, dbKind: kind, version: 'test', publicUrl: 'https://jejak.example.go.id' });
    const { cookie } = await signedInUser(database.current.db, 'officer');
    const change = (origin: string, host: string) =>
      api.request(`http://${host}/api/auth/password`, {
        method: 'POST', headers: { cookie, origin, host, 'content-type': 'application/json' }, body: '{}',
      });
    // An attacker's page on a name that resolves to us: its Origin matches its own Host, not ours.
    const spoofed = await change('http://evil.example', 'evil.example');
    expect([spoofed.status, ((await spoofed.json()) as { error: { code: string } }).error.code]).toEqual([403, 'cross-origin']);
    const ours = await change('https://jejak.example.go.id', '127.0.0.1:8080');
    expect([ours.status, ((await ours.json()) as { error: { code: string } }).error.code]).toEqual([400, 'invalid-body']);
  });
});
