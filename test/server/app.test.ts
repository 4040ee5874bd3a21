import * as v from 'valibot';
import { expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import { parseBody } from '../../src/server/http/parse-body';
import { AlumnusSchema } from '../../src/shared/schema';
import { describeEachDialect, useTestDatabase } from './databases';
import { signedInUser } from './sign-in';

const VALID_ALUMNUS = {
  id: '00000000-0000-4000-8000-000000000001',
  createdAt: '2024-08-31T09:00:00.000Z',
  updatedAt: '2024-08-31T09:00:00.000Z',
  deleted: false,
  nik: '6472010101900001',
  name: 'Budi Santoso',
  gender: 'male',
  birthDate: '1990-01-01',
  phone: null,
  whatsapp: null,
  address: '',
  kelurahan: '',
  kecamatan: '',
  education: 'sma',
};

describeEachDialect('the API', (kind) => {
  const database = useTestDatabase(kind);

  /** The real app plus a throwaway POST route, since no real one takes a body yet. */
  function app() {
    const { db } = database.current;
    const app = createApp({ db, dbKind: kind, version: '9.9.9' });
    app.post('/api/test/alumni', async (c) => {
      const body = await parseBody(c, v.object({ alumni: v.array(AlumnusSchema) }));
      return c.json({ count: body.alumni.length });
    });
    return app;
  }

  async function post(body: string) {
    const { cookie } = await signedInUser(database.current.db, 'officer');
    return app().request('/api/test/alumni', { method: 'POST', body, headers: { 'content-type': 'application/json', cookie } });
  }

  it('answers /api/health after really asking the database', async () => {
    const res = await app().request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: '9.9.9', database: kind });
  });

  it('answers /api/health with 503 when the database is gone', async () => {
    const unhealthy = app();
    expect((await unhealthy.request('/api/health')).status).toBe(200);
    await database.current.close();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await unhealthy.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: 'unavailable' });
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ alumni: [VALID_ALUMNUS] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ count: 1 });
  });

  it('refuses malformed JSON with 400 malformed-json', async () => {
    const res = await post('{"alumni": [');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'malformed-json', message: 'the request body is not valid JSON' } });
  });

  it.each([['null'], ['[]'], ['"alumni"'], ['42']])('refuses %s, a body that is not a JSON object, saying so', async (body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'invalid-body', message: 'the request body must be a JSON object ({…})', details: [{ path: '', code: 'invalid-type' }] },
    });
  });

  it('refuses a body that fails its schema with 400 invalid-body and the field paths', async () => {
    const res = await post(JSON.stringify({ alumni: [{ ...VALID_ALUMNUS, nik: '0072010101900001', name: ' ' }] }));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string; details: unknown } };
    expect(error.code).toBe('invalid-body');
    expect(error.details).toEqual([
      { path: 'alumni.0.nik', code: 'nik-province' },
      { path: 'alumni.0.name', code: 'required' },
    ]);
    expect(error.message).toBe('alumni.0.nik: NIK digits 1–2 (province code) cannot be 00; alumni.0.name: is required');
  });

  it('refuses a body over 5 MB with 413 too-large', async () => {
    const res = await post(JSON.stringify({ alumni: [], padding: 'x'.repeat(5 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'too-large' } });
  });

  it('answers a bug with a bare 500 internal and logs it', async () => {
    const buggy = app();
    buggy.get('/api/test/bug', () => {
      throw new Error('secret internals');
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { cookie } = await signedInUser(database.current.db, 'officer');
    const res = await buggy.request('/api/test/bug', { headers: { cookie } });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'something went wrong on the server' } });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('answers an unknown /api route without a session with 401, so routes cannot be probed', async () => {
    const res = await app().request('/api/nope', { method: 'DELETE' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers an unknown /api route with a JSON 404', async () => {
    const { cookie } = await signedInUser(database.current.db, 'officer');
    const res = await app().request('/api/nope', { method: 'DELETE', headers: { cookie } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not-found', message: 'no API route DELETE /api/nope' } });
  });

  it('answers a known /api address asked with another method with 405 and the methods it takes', async () => {
    const { cookie } = await signedInUser(database.current.db, 'officer');
    const headers = { cookie, 'content-type': 'application/json' };
    const put = await app().request('/api/cohorts', { method: 'PUT', headers, body: '{}' });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, HEAD, POST']);
    expect(await put.json()).toEqual({ error: { code: 'method-not-allowed', message: '/api/cohorts takes GET, HEAD, POST, not PUT' } });
    // With a record's id in the address too.
    const remove = await app().request('/api/cohorts/00000000-0000-7000-8000-000000000001', { method: 'DELETE', headers: { cookie } });
    expect([remove.status, remove.headers.get('allow')]).toEqual([405, 'GET, HEAD, PATCH']);
  });
});
