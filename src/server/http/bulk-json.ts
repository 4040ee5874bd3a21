import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { Context } from 'hono';
import { acceptsEncoding } from './accept-encoding';
import { asciiJson } from './ascii-json';

const compressBrotli = promisify(brotliCompress);

/**
 * Brotli at quality 4: a pull page of 660 KB of JSON becomes about 77 KB in 4 ms, where
 * the gzip of the compress middleware makes 88 KB in 6 ms. Both the phone's bytes and
 * the server's time count: the officer's first pull is 54 MB of JSON.
 */
const BROTLI_QUALITY = 4;

/** Smaller answers are not worth a compressor's start (the compress middleware's threshold too). */
const MIN_COMPRESSED_BYTES = 1024;

/**
 * A large JSON answer (a pull page) as bytes: brotli-compressed in the thread pool when
 * the client accepts it, otherwise plain and left to the compress middleware's gzip.
 * Bytes, not a string: a string body is checked for lone surrogates on its way into a
 * Response, which took longer than writing the JSON. ASCII bytes (ascii-json.ts): a
 * phone reads them as JSON twice as fast as a page with an en dash in one address.
 */
export async function bulkJson(c: Context, value: unknown): Promise<Response> {
  const json = asciiJson(value);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' };
  if (json.length < MIN_COMPRESSED_BYTES || !acceptsEncoding(c.req.header('Accept-Encoding'), 'br')) return c.body(json, 200, headers);
  const compressed = await compressBrotli(json, {
    params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
  });
  return c.body(compressed, 200, { ...headers, 'Content-Encoding': 'br' });
}
