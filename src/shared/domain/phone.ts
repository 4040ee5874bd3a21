/**
 * Normalises an Indonesian phone number to `+62…` (E.164 without spaces).
 * Accepts `0812…`, `62812…`, `+62 812-…`, `(0541) 123456`; spaces, dots, dashes and
 * brackets are ignored. Returns null when it cannot be an Indonesian number: the
 * national significant number has 8–12 digits and never starts with 0.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s().-]/g, '');
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return null;
  if (!/^[1-9]\d{7,11}$/.test(national)) return null;
  return `+62${national}`;
}
