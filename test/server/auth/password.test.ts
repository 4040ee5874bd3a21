import { describe, expect, it } from 'vitest';
import { SCRYPT_PARAMS, dummyVerify, hashPassword, verifyPassword } from '../../../src/server/auth/password';

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$hash and verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery');
    const [scheme, N, r, p, salt, key] = hash.split('$');
    expect([scheme, Number(N), Number(r), Number(p)]).toEqual(['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p]);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(64);
    expect(hash).not.toContain('correct horse');

    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts each hash, so one password gives different hashes that both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('verifies with the parameters stored in the hash, so the cost can change later', async () => {
    // A cheaper hash written by an older version still verifies.
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('old password', salt, 32, { N: 2 ** 10, r: 8, p: 1 });
    const old = `scrypt$1024$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('old password', old)).toBe(true);
    expect(await verifyPassword('old passwort', old)).toBe(false);
  });

  it('answers false, never throws, for a tampered or absent hash', async () => {
    const hash = await hashPassword('correct horse battery');
    const parts = hash.split('$');
    const flipped = Buffer.from(parts[5]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    const tampered = [
      [...parts.slice(0, 5), flipped.toString('base64url')].join('$'),
      [...parts.slice(0, 5), parts[5]!.slice(0, 20)].join('$'), // truncated key
      hash.replace('scrypt$', 'bcrypt$'),
      hash.replace(`$${SCRYPT_PARAMS.N}$`, '$1000$'), // N not a power of two
      hash.replace(`$${SCRYPT_PARAMS.N}$`, `$${2 ** 30}$`), // would need gigabytes
      'scrypt$32768$8$1$$',
      'not a hash',
    ];
    for (const stored of tampered) expect(await verifyPassword('correct horse battery', stored), stored).toBe(false);
    expect(await verifyPassword('correct horse battery', null)).toBe(false);
    expect(await dummyVerify('anything')).toBe(false);
  });
});
