import { expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { CONTENT_SECURITY_POLICY } from '../../src/server/http/security-headers';
import { describeEachDialect, useTestDatabase } from './databases';
import { signedInUser } from './sign-in';

describeEachDialect('security headers', (kind) => {
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
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
