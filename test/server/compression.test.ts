import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress.js';
import { createApp } from '../../src/server/app';
import { seedVocationCatalogue } from '../../src/server/catalog/seed-vocations';
import { createTestDatabase, type TestDatabase } from './databases';
import { signedInUser, type TestUser } from './sign-in';
import { PROTOCOL_VERSION, type PullResponse } from '../../src/shared/sync/protocol';

/** What a phone's browser sends, and what an old client or a tool without decompression sends. */
const BROWSER = 'gzip, deflate, br, zstd';

describe('compression of the built app and of API answers', () => {
  let distDir: string;
  let database: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let supervisor: TestUser;
  const script = `console.log(${JSON.stringify('Jejak '.repeat(2000))});`;
  const html = `<!doctype html><title>Jejak</title><p>${'Penelusuran alumni. '.repeat(200)}</p>`;

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'jejak-dist-'));
    mkdirSync(join(distDir, 'assets'));
    writeFileSync(join(distDir, 'index.html'), html);
    writeFileSync(join(distDir, 'assets', 'app-abc123.js'), script);
    writeFileSync(join(distDir, 'assets', 'tiny-abc123.js'), 'export {};');
    writeFileSync(join(distDir, 'sw.js'), `self.skipWaiting();${'/* precache */'.repeat(200)}`);
    // The build's own step, on this made-up build.
    expect(precompress(distDir).files).toBe(3);
    database = await createTestDatabase('sqlite', { migrated: true });
    await seedVocationCatalogue(database.db, new Date());
    supervisor = await signedInUser(database.db, 'supervisor');
    app = createApp({ db: database.db, dbKind: 'sqlite', version: 'test', distDir });
  });

  afterAll(async () => {
    await database.drop();
    rmSync(distDir, { recursive: true, force: true });
  });

  const get = (path: string, acceptEncoding?: string, cookie?: string) =>
    app.request(path, { headers: { ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }), ...(cookie === undefined ? {} : { cookie }) } });

  it('sends a browser the Brotli copy of a hashed asset, cached forever, and the same bytes once decoded', async () => {
    const res = await get('/assets/app-abc123.js', BROWSER);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it('sends gzip to a client without Brotli, and the plain file, still marked Vary, to one that accepts neither', async () => {
    const gzip = await get('/assets/app-abc123.js', 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(script);

    for (const accept of [undefined, 'identity']) {
      const plain = await get('/assets/app-abc123.js', accept);
      expect(plain.headers.get('content-encoding'), accept).toBeNull();
      expect(plain.headers.get('vary'), accept).toMatch(/accept-encoding/i);
      expect(await plain.text()).toBe(script);
    }
  });

  it('compresses index.html, also as the answer to a deep link, and the service worker, both revalidated on every load', async () => {
    for (const path of ['/', '/alumni/123', '/sw.js']) {
      const res = await get(path, BROWSER);
      expect(res.headers.get('content-encoding'), path).toBe('br');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('vary'), path).toMatch(/accept-encoding/i);
    }
    expect(brotliDecompressSync(Buffer.from(await (await get('/alumni/123', BROWSER)).arrayBuffer())).toString()).toBe(html);
  });

  it('leaves a file too small to gain as it is, and never serves a copy by its own name', async () => {
    const tiny = await get('/assets/tiny-abc123.js', BROWSER);
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.text()).toBe('export {};');
    expect((await get('/assets/app-abc123.js.br', BROWSER)).status).toBe(404);
  });

  it('gzips API JSON on the fly for a client that accepts it, and not for one that does not', async () => {
    const res = await get('/api/vocations', BROWSER, supervisor.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const compressed = Buffer.from(await res.arrayBuffer());
    const json = gunzipSync(compressed).toString();
    expect((JSON.parse(json) as { vocations: unknown[] }).vocations.length).toBeGreaterThan(10);
    expect(compressed.length).toBeLessThan(json.length / 3);

    const plain = await get('/api/vocations', undefined, supervisor.cookie);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(json);
  });

  it('sends a pull page as Brotli to a client that accepts it, gzip to one that takes only gzip, plain to one that takes neither', async () => {
    const pull = (acceptEncoding: string | undefined) =>
      app.request('/api/sync/pull', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: supervisor.cookie, ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) },
        body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, clientId: randomUUID(), settledMid: 0, cursor: null }),
      });
    const plain = await pull(undefined);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    const json = await plain.text();
    expect((JSON.parse(json) as PullResponse).changes.filter((change) => change.entity === 'vocations').length).toBeGreaterThan(10);

    const br = await pull(BROWSER);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/^application\/json/);
    const compressed = Buffer.from(await br.arrayBuffer());
    expect(compressed.length).toBeLessThan(json.length / 3);
    expect(brotliDecompressSync(compressed).toString()).toBe(json);

    const gzip = await pull('gzip, deflate');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(json);

    // Brotli refused by weight: the same as not named.
    expect((await pull('br;q=0, gzip')).headers.get('content-encoding')).toBe('gzip');
  });

  it('gzips a streamed CSV export, and sends XLSX (a zip already) as it is', async () => {
    const csv = await get('/api/export/cohorts.csv?asOf=2024-08-31', BROWSER, supervisor.cookie);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-encoding')).toBe('gzip');
    expect(csv.headers.get('content-disposition')).toMatch(/\.csv"$/);
    expect(gunzipSync(Buffer.from(await csv.arrayBuffer())).toString()).toMatch(/^\uFEFF/);

    // gzip refused by weight: the file as it is.
    const refused = await get('/api/export/cohorts.csv?asOf=2024-08-31', 'gzip;q=0', supervisor.cookie);
    expect(refused.headers.get('content-encoding')).toBeNull();
    // The byte-order mark, as sent (text() would drop it).
    expect([...Buffer.from(await refused.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const xlsx = await get('/api/export/cohorts.xlsx?asOf=2024-08-31', BROWSER, supervisor.cookie);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-encoding')).toBeNull();
    // A zip file starts with "PK".
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });
});
