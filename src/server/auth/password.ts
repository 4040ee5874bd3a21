import { randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt from node:crypto. A hash is stored as the self-describing
 * string `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the cost can be raised
 * later: old hashes keep verifying with the parameters written inside them.
 *
 * N = 2^15, r = 8, p = 1: 32 MiB and about 0.2 s per hash on a small two-core server,
 * twice Node's default cost. OWASP suggests N = 2^17 where memory allows; raising N
 * here later is safe, since existing hashes keep verifying with their own N.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

// A stored string is read back from the database: bounds keep a tampered row from
// asking for gigabytes of memory or minutes of CPU.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: BinaryLike, salt: Buffer, keyBytes: number, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: memoryFor(params) };
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** scrypt needs 128·r·(N + 2 + p) bytes; Node refuses past `maxmem`, whose 32 MiB default is just short of N = 2^15, r = 8. Doubled for headroom. */
function memoryFor({ N, r, p }: { N: number; r: number; p: number }): number {
  return 2 * 128 * r * (N + p);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

type ParsedHash = { N: number; r: number; p: number; salt: Buffer; key: Buffer };

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN)) as [number, number, number];
  const isPowerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 128) return null;
  return { N, r, p, salt, key };
}

/**
 * True when `password` matches `stored`. Never throws for a bad stored value: a malformed
 * or tampered hash simply does not match. A null `stored` (a user without a password)
 * is compared against a dummy hash, so the answer takes as long as a real one.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = stored === null ? null : parseHash(stored);
  if (parsed === null) {
    await dummyVerify(password);
    return false;
  }
  const key = await derive(password, parsed.salt, parsed.key.length, parsed);
  return timingSafeEqual(key, parsed.key);
}

// Same cost as a real hash; the key is random bytes, since nothing needs to match it.
const DUMMY: ParsedHash = { ...SCRYPT_PARAMS, salt: randomBytes(SALT_BYTES), key: randomBytes(KEY_BYTES) };

/**
 * Spends the time of one real verification and returns false. Called for unknown
 * usernames too, so the response time does not reveal which usernames exist.
 */
export async function dummyVerify(password: string): Promise<false> {
  const { salt, key, ...params } = DUMMY;
  await derive(password, salt, key.length, params);
  return false;
}
