import { expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { describeEachDialect, useTestDatabase } from '../databases';
import { signedInUser } from '../sign-in';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; code: string }[] } };

describeEachDialect('GET /api/audit with bad query parameters', (kind) => {
  const database = useTestDatabase(kind);

  it('answers 400 naming the parameter and what is wrong with it', async () => {
    const { db } = database.current;
    const app = createApp({ db, dbKind: kind, version: 'test' });
    const supervisor = await signedInUser(db, 'supervisor');
    const audit = async (query: string) => {
      const res = await app.request(`/api/audit?${query}`, { headers: { cookie: supervisor.cookie } });
      return { status: res.status, body: (await res.json()) as ErrorBody };
    };

    for (const [query, path, code] of [
      ['limit=x', 'limit', 'out-of-range'],
      ['limit=0', 'limit', 'out-of-range'],
      ['limit=5000', 'limit', 'out-of-range'],
      ['entityId=a%00b', 'entityId', 'invalid-character'],
      [`entity=${'e'.repeat(41)}`, 'entity', 'too-long'],
    ] as const) {
      const { status, body } = await audit(query);
      expect([status, body.error.code, body.error.details], query).toEqual([400, 'invalid-body', [{ path, code }]]);
      expect(body.error.message, query).toContain(path);
    }
  });
});
