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

/** The big cities' two-digit area codes; every other area code has three digits. */
const TWO_DIGIT_AREAS = new Set(['21', '22', '24', '31', '61']);

/**
 * An Indonesian number as people read and dial it: `+6281234567890` → `0812-3456-7890`,
 * `+62541123456` → `0541-123456`, `+622112345678` → `021-12345678`. Mobiles (08…) are
 * grouped in fours; a landline is its area code and the subscriber number. Anything
 * that is not a stored `+62…` number comes back as it was.
 */
export function formatPhone(stored: string): string {
  const national = /^\+62([1-9]\d{7,11})$/.exec(stored)?.[1];
  if (national === undefined) return stored;
  if (national.startsWith('8')) {
    const local = `0${national}`;
    return [local.slice(0, 4), local.slice(4, 8), local.slice(8)].filter((part) => part !== '').join('-');
  }
  const areaLength = TWO_DIGIT_AREAS.has(national.slice(0, 2)) ? 2 : 3;
  return `0${national.slice(0, areaLength)}-${national.slice(areaLength)}`;
}
