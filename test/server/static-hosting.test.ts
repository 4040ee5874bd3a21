import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createTestDatabase, type TestDatabase } from './databases';

describe('static hosting of the built PWA', () => {
  let distDir: string;
  let database: TestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'jejak-dist-'));
    mkdirSync(join(distDir, 'assets'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Jejak</title>');
    writeFileSync(join(distDir, 'sw.js'), 'self.skipWaiting();');
    writeFileSync(join(distDir, 'assets', 'x.js'), 'console.log(1);');
    // Static hosting needs no tables; the database is there because createApp wants one.
    database = await createTestDatabase('sqlite');
    app = createApp({ db: database.db, dbKind: 'sqlite', version: 'test', distDir });
  });

  afterAll(async () => {
    await database.drop();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('serves index.html at / and for deep links, revalidated on every load', async () => {
    for (const path of ['/', '/alumni/123', '/cohorts']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>Jejak</title>');
    }
  });

  it('caches hashed assets forever and the service worker never', async () => {
    const asset = await app.request('/assets/x.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1);');
    const sw = await app.request('/sw.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing file with 404, not with the app', async () => {
    expect((await app.request('/assets/gone.js')).status).toBe(404);
    expect((await app.request('/favicon.ico')).status).toBe(404);
  });

  it('keeps /api JSON: an unknown API route is a JSON error, not index.html', async () => {
    // Without a session every API path but health and login is a 401 (see app.test.ts for the 404).
    const res = await app.request('/api/nope');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
