import type { FieldIssue } from '../../shared/schema/issues';
import { COMMON_PASSWORDS } from './common-passwords';

/**
 * What the server refuses as a new password, beyond the length the shared schema checks
 * (every way a password is set goes through here: an admin creating or resetting an
 * account, the command line, a user changing their own):
 *
 * - `password-contains-username`: the username inside it, in any case;
 * - `password-too-simple`: fewer than five different characters (`aaaaaaaaaa`, `1212121212`);
 * - `password-common`: one of the 10,000 most common passwords, or one of them with digits
 *   and symbols added at the end (`password2024!`, `qwerty123456`), in any case — and the
 *   words an Indonesian office would try first.
 */
export type PasswordProblem = 'password-contains-username' | 'password-too-simple' | 'password-common';

/** Guesses that the international list misses here: the app, the office, the words on every first try. */
const LOCAL_GUESSES = [
  'jejak', 'disnaker', 'indonesia', 'bismillah', 'sayang', 'sayangku', 'rahasia', 'katasandi', 'kata sandi',
  'sandi', 'bontang', 'jakarta', 'samarinda', 'balikpapan', 'merdeka', 'cintaku', 'alhamdulillah', 'admin', 'petugas',
];

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set([...COMMON_PASSWORDS.split('\n').filter((word) => word !== ''), ...LOCAL_GUESSES]);
  return common;
}

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return 'password-contains-username';
  if (new Set(lower).size < 5) return 'password-too-simple';
  const list = commonPasswords();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (list.has(lower) || list.has(lower.trim()) || (stem.length >= 4 && list.has(stem))) return 'password-common';
  return null;
}

/** The problem as the field issue a form shows beside `path`, or none. */
export function passwordIssues(password: string, username: string, path: string): FieldIssue[] {
  const problem = passwordProblem(password, username);
  return problem === null ? [] : [{ path, code: problem }];
}
