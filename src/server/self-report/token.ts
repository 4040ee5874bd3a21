import { createHash, randomBytes } from 'node:crypto';

/** Random bytes per server-made token: 144 bits, 24 base64url characters with no padding. */
const TOKEN_BYTES = 18;

/** A new link token, for links made over the API (devices draw their own offline). */
export function newSelfReportToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * What the database keeps of a token. A plain SHA-256 suffices: the token is 128+
 * random bits, so there is no dictionary to try, and a lookup must find the row by it.
 */
export function hashSelfReportToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
