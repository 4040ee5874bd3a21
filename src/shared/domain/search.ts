/**
 * Finding an alumnus as the officer types: by any word of the name (ignoring case and
 * accents), by part of the NIK, or by a phone number in any common format ("0812-…",
 * "62812…", "+62 812 …"). Entries are prepared once per data load; a query then costs
 * one pass of plain string comparisons, a few milliseconds for 20,000 alumni on a phone.
 */

/** What a search needs of an alumnus. */
export type Searchable = { id: string; name: string; nik: string; phone: string | null; whatsapp: string | null };

export type SearchEntry = {
  id: string;
  /** The folded words of the name, for prefix matches. */
  words: string[];
  /** The folded name, for sorting results. */
  sortKey: string;
  nik: string;
  /** National significant numbers ("812…"), without +62 or the trunk 0. */
  phones: string[];
};

/** Fewer digits than this match too much to be worth listing. */
export const MIN_DIGITS = 3;

/** Lower case, accents dropped ("Ñ" → "n"), every run of other characters one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function searchEntryOf(alumnus: Searchable): SearchEntry {
  const sortKey = foldText(alumnus.name);
  const phones = [alumnus.phone, alumnus.whatsapp].flatMap((phone) => (phone === null ? [] : [nationalDigits(phone)]));
  return { id: alumnus.id, words: sortKey === '' ? [] : sortKey.split(' '), sortKey, nik: alumnus.nik, phones };
}

/** Prepares entries in name order, so a search keeps that order without sorting. */
export function searchIndexOf(alumni: Iterable<Searchable>): SearchEntry[] {
  const entries = Array.from(alumni, searchEntryOf);
  return entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1));
}

export type Term = { kind: 'word'; text: string } | { kind: 'digits'; raw: string; national: string };

/**
 * Splits a query into terms. A run of digits with the separators people type in numbers
 * ("+62 812-3456", "0812 3456") is one number; anything else is folded into words.
 */
export function parseQuery(query: string): Term[] {
  const terms: Term[] = [];
  const numberPattern = /\+?\d[\d\s().-]*\d|\+?\d/g;
  const words = query.replace(numberPattern, (number) => {
    const raw = number.replace(/\D/g, '');
    terms.push({ kind: 'digits', raw, national: nationalDigits(raw) });
    return ' ';
  });
  for (const word of foldText(words).split(' ')) {
    if (word !== '') terms.push({ kind: 'word', text: word });
  }
  return terms;
}

/**
 * The entries matching every term of the query, in the index's order, at most `limit`
 * of them, and how many matched in all. An empty query matches nothing: the screen
 * shows its list instead.
 */
export function searchAlumni(index: readonly SearchEntry[], query: string, limit = 50): { ids: string[]; total: number } {
  const terms = parseQuery(query);
  if (terms.length === 0) return { ids: [], total: 0 };
  const ids: string[] = [];
  let total = 0;
  for (const entry of index) {
    if (!matchesAll(entry, terms)) continue;
    total += 1;
    if (ids.length < limit) ids.push(entry.id);
  }
  return { ids, total };
}

/** Whether the entry matches every term (a parsed query). */
export function matchesAll(entry: SearchEntry, terms: readonly Term[]): boolean {
  return terms.every((term) => matches(entry, term));
}

/** A number too short to search by matches no one (see MIN_DIGITS). */
export function isTooShort(term: Term): boolean {
  return term.kind === 'digits' && term.raw.length < MIN_DIGITS && term.national.length < MIN_DIGITS;
}

function matches(entry: SearchEntry, term: Term): boolean {
  if (term.kind === 'word') return entry.words.some((word) => word.startsWith(term.text));
  // A NIK is matched as typed; Kalimantan NIKs start with 62–64, so "62…" may be either.
  if (term.raw.length >= MIN_DIGITS && entry.nik.includes(term.raw)) return true;
  return term.national.length >= MIN_DIGITS && entry.phones.some((phone) => phone.includes(term.national));
}

/** "+62 812-3456" → "8123456"; "0812…" → "812…": the part every format shares. */
function nationalDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('62')) return digits.slice(2);
  if (digits.startsWith('0')) return digits.slice(1);
  return digits;
}
