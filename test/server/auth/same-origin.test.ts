import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { PASSWORD, clockedApp, errorOf, login, postJson } from '../accounts';
import { describeEachDialect, useTestDatabase } from '../databases';
import { signedInUser } from '../sign-in';

describeEachDialect('the same-origin guard', (kind) => {
  const database = useTestDatabase(kind);
  const app = (options: { trustProxy?: boolean } = {}) => clockedApp(database.current.db, kind, options);

  it('refuses state-changing requests from another site with 403 cross-origin', async () => {
    const api = app();
    const { cookie } = await signedInUser(database.current.db, 'officer');
    // A body that fails validation: 400 means the request got past the origin check.
    const change = (headers: Record<string, string>, base?: string) =>
      postJson(api, '/api/auth/password', { newPassword: 'x' }, { cookie, ...headers }, base);

    const evil = await login(api, 'anyone', PASSWORD, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(await errorOf(evil)).toMatchObject({ code: 'cross-origin' });
    for (const headers of [{ origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'http://localhost:8081' }]) {
      expect(await errorOf(await change(headers)), JSON.stringify(headers)).toMatchObject({ code: 'cross-origin' });
    }
    for (const headers of [{}, { origin: 'http://localhost' }, { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' }]) {
      expect(await errorOf(await change(headers)), JSON.stringify(headers)).toMatchObject({ code: 'invalid-body' });
    }
    // Behind a proxy the browser's origin is the proxy's; believed only with TRUST_PROXY.
    const proxied = { origin: 'https://jejak.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'jejak.example' };
    expect(await errorOf(await change(proxied, 'http://127.0.0.1:8080'))).toMatchObject({ code: 'cross-origin' });
    const trusting = app({ trustProxy: true });
    const res = await postJson(trusting, '/api/auth/password', {}, { cookie, ...proxied }, 'http://127.0.0.1:8080');
    expect(await errorOf(res)).toMatchObject({ code: 'invalid-body' });
    // Reading is no state change.
    expect((await api.request('/api/auth/me', { headers: { cookie, origin: 'https://evil.example' } })).status).toBe(200);
  });

  it('refuses a body that is not declared JSON with 415, so an HTML form cannot post', async () => {
    const api = app();
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const res = await api.request('/api/auth/login', { method: 'POST', body: 'username=a&password=b', headers: { 'content-type': type } });
      expect(res.status, type).toBe(415);
      expect(await errorOf(res)).toMatchObject({ code: 'unsupported-media-type' });
    }
    const undeclared = await api.request('/api/auth/login', { method: 'POST', body: '{}', headers: { 'content-length': '2' } });
    expect(undeclared.status).toBe(415);
    // No body at all needs no type; JSON with a charset is JSON.
    const { cookie } = await signedInUser(database.current.db, 'officer');
    expect((await api.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'content-length': '0' } })).status).toBe(204);
    const charset = await api.request('/api/auth/login', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(await errorOf(charset)).toMatchObject({ code: 'invalid-body' });
  });
  it('checks the origin against PUBLIC_URL when set, whatever Host the request names', async () => {
    const api = createApp({ db: database.current.db, dbKind: kind, version: 'test', publicUrl: 'https://jejak.example.go.id' });
    const { cookie } = await signedInUser(database.current.db, 'officer');
    // A page on a name that resolves to us: its Origin matches its own Host, not ours.
    const spoofed = await postJson(api, '/api/auth/password', {}, { cookie, origin: 'http://evil.example', host: 'evil.example' }, 'http://evil.example');
    expect([spoofed.status, (await errorOf(spoofed)).code]).toEqual([403, 'cross-origin']);
    const ours = await postJson(api, '/api/auth/password', {}, { cookie, origin: 'https://jejak.example.go.id' }, 'http://127.0.0.1:8080');
    expect(await errorOf(ours)).toMatchObject({ code: 'invalid-body' });
  });

  it('without PUBLIC_URL, checks the origin against the address the server listens on, not the Host header', async () => {
    const api = createApp({ db: database.current.db, dbKind: kind, version: 'test' });
    const { cookie } = await signedInUser(database.current.db, 'officer');
    const server = serve({ fetch: api.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    const { port } = server.address() as AddressInfo;
    const post = (host: string, origin: string) =>
      new Promise<{ status: number; code: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/auth/password', method: 'POST', headers: { host, origin, cookie, 'content-type': 'application/json' } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, code: (JSON.parse(body) as { error: { code: string } }).error.code }));
        });
        req.on('error', reject);
        req.end('{}');
      });
    try {
      expect(await post(`evil.example:${port}`, `http://evil.example:${port}`)).toEqual({ status: 403, code: 'cross-origin' });
      expect(await post(`127.0.0.1:${port}`, `http://127.0.0.1:${port}`)).toEqual({ status: 400, code: 'invalid-body' });
      expect(await post(`localhost:${port}`, `http://localhost:${port}`)).toEqual({ status: 400, code: 'invalid-body' });
      expect(await post(`127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`)).toEqual({ status: 403, code: 'cross-origin' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
