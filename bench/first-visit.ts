import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPhone } from './browser-session';

/**
 * What a phone downloads on its first visit to a running server:
 * `npx tsx bench/first-visit.ts http://127.0.0.1:8080`.
 *
 * - *First screen*: every same-origin file the page asks for until the network is idle
 *   (HTML, JS, CSS, manifest, icons), as Chromium on a phone's screen loads the sign-in page.
 * - *Whole app*: those plus everything the service worker then precaches for offline use.
 *
 * Each file is then fetched once per Accept-Encoding (none, gzip, a browser's
 * `gzip, deflate, br`) and the response bodies are counted as they come off the socket
 * (HTTP headers excluded), so the figures show what the server sends, not what it has.
 */

const ENCODINGS = { raw: undefined, gzip: 'gzip', br: 'gzip, deflate, br' } as const;
type Sizes = Record<keyof typeof ENCODINGS, number>;

async function main(): Promise<void> {
  const base = process.argv[2] ?? 'http://127.0.0.1:8080';
  const dir = mkdtempSync(join(tmpdir(), 'jejak-first-visit-'));
  const context = await launchPhone(dir);
  const firstScreen = new Set<string>();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.origin === new URL(base).origin && !url.pathname.startsWith('/api/')) firstScreen.add(url.pathname);
    });
    await page.goto(base, { waitUntil: 'networkidle' });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  firstScreen.delete('/sw.js');
  const sw = await body(`${base}/sw.js`);
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((match) => `/${match[1]}`.replace(/^\/\//, '/'));
  const whole = new Set([...firstScreen, '/sw.js', ...precached]);

  for (const [label, paths] of [['first screen', firstScreen], ['whole app (service worker precache)', whole]] as const) {
    const sizes = await measure(base, [...paths]);
    console.log(`${label}: ${paths.size} files — ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzip, ${kb(sizes.br)} br`);
  }
  console.log(`first screen files: ${[...firstScreen].sort().join(' ')}`);
}

async function measure(base: string, paths: string[]): Promise<Sizes> {
  const sizes: Sizes = { raw: 0, gzip: 0, br: 0 };
  for (const path of paths) {
    for (const [name, accept] of Object.entries(ENCODINGS) as Array<[keyof Sizes, string | undefined]>) {
      sizes[name] += await bytesSent(`${base}${path}`, accept);
    }
  }
  return sizes;
}

/** Body bytes as received, not decoded: node:http leaves Content-Encoding alone. */
function bytesSent(url: string, acceptEncoding: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}: ${res.statusCode}`))));
    });
    req.once('error', reject);
    req.end();
  });
}

async function body(url: string): Promise<string> {
  const res = await fetch(url);
  return res.text();
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

await main();
