// Writes a Brotli (.br) and a gzip (.gz) copy beside each compressible file of the built
// app, once, at build time, at the strongest settings: the server then sends the copy
// the browser accepts with no work per request (src/server/http/static-hosting.ts).
// Plain JavaScript: the Vite build calls it, and tests call it on a made-up dist/.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text formats; images and fonts here are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt', '.map']);

/** Below this a compressed copy saves less than the headers and a round of work cost. */
export const MIN_BYTES = 1024;

/**
 * Compresses every compressible file under `dir` of at least MIN_BYTES and keeps a copy
 * only where it is smaller than the original. Returns the bytes before and after per
 * encoding, for the build's log.
 */
export function precompress(dir) {
  const totals = { files: 0, raw: 0, br: 0, gzip: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
    const path = join(entry.parentPath, entry.name);
    const raw = readFileSync(path);
    if (raw.length < MIN_BYTES) continue;
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gzip = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
    if (br.length < raw.length) writeFileSync(`${path}.br`, br);
    if (gzip.length < raw.length) writeFileSync(`${path}.gz`, gzip);
    totals.files += 1;
    totals.raw += raw.length;
    totals.br += Math.min(br.length, raw.length);
    totals.gzip += Math.min(gzip.length, raw.length);
  }
  return totals;
}
