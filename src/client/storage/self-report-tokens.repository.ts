import type { JejakDb } from './db';

/**
 * The tokens of the answer links this device made, kept in `meta` under
 * `selfReportToken:<linkId>`. The server stores only their hash and never sends them
 * back, so the device that drew a token is the one place it can be shown or resent
 * from; a pulled link record (which has no token) never overwrites it.
 */
const PREFIX = 'selfReportToken:';

export async function keepSelfReportToken(db: JejakDb, linkId: string, token: string): Promise<void> {
  await db.meta.put({ key: `${PREFIX}${linkId}`, value: token });
}

/** The token of a link made on this device, or undefined (made elsewhere). */
export async function selfReportToken(db: JejakDb, linkId: string): Promise<string | undefined> {
  const value = (await db.meta.get(`${PREFIX}${linkId}`))?.value;
  return typeof value === 'string' ? value : undefined;
}

/** A fresh token: 18 random bytes (144 bits, at least the 128 asked for), base64url, 24 characters. */
export function drawSelfReportToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
