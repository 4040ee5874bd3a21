import { MIN_DIGITS, isTooShort, matchesAll, parseQuery, type SearchEntry, type Term } from '../../../shared/domain/search';

/** The entries the last query matched, all of them, to search again when the next key narrows it. */
export type Narrowed = { terms: Term[]; entries: readonly SearchEntry[] };

/**
 * The entries whose name has a word starting with each one- and two-letter prefix, in
 * the index's (name) order. Made once per index, so the first letters typed, which
 * match the most people, pick their candidates instead of comparing all 20,000.
 */
export type PrefixBuckets = ReadonlyMap<string, readonly SearchEntry[]>;

export function prefixBucketsOf(index: readonly SearchEntry[]): PrefixBuckets {
  const buckets = new Map<string, SearchEntry[]>();
  for (const entry of index) {
    const prefixes = new Set<string>();
    for (const word of entry.words) {
      prefixes.add(word.slice(0, 1));
      if (word.length > 1) prefixes.add(word.slice(0, 2));
    }
    for (const prefix of prefixes) {
      const bucket = buckets.get(prefix);
      if (bucket === undefined) buckets.set(prefix, [entry]);
      else bucket.push(entry);
    }
  }
  return buckets;
}

/**
 * The shared `searchAlumni` rule, answered from the fewest candidates that surely hold
 * every match: the entries the previous query matched, when the officer typed another
 * letter or digit of it; or the prefix bucket of a word of the query. Falls back to
 * the whole index only when neither applies (a number typed from scratch).
 */
export function searchNarrowing(
  index: readonly SearchEntry[],
  buckets: PrefixBuckets,
  previous: Narrowed | null,
  query: string,
  limit: number,
): { ids: string[]; total: number; narrowed: Narrowed | null } {
  const terms = parseQuery(query);
  if (terms.length === 0) return { ids: [], total: 0, narrowed: null };
  if (terms.some(isTooShort)) return { ids: [], total: 0, narrowed: { terms, entries: [] } };
  let from = previous !== null && narrows(terms, previous.terms) ? previous.entries : index;
  for (const term of terms) {
    if (term.kind !== 'word') continue;
    const bucket = buckets.get(term.text.slice(0, 2)) ?? [];
    if (bucket.length < from.length) from = bucket;
  }
  const entries = from.filter((entry) => matchesAll(entry, terms));
  return { ids: entries.slice(0, limit).map((entry) => entry.id), total: entries.length, narrowed: { terms, entries } };
}

/** Whether an entry matching every term of `next` surely matches every term of `before`. */
function narrows(next: readonly Term[], before: readonly Term[]): boolean {
  return before.every((old) => next.some((term) => implies(term, old)));
}

function implies(term: Term, old: Term): boolean {
  if (term.kind === 'word' && old.kind === 'word') return term.text.startsWith(old.text);
  if (term.kind !== 'digits' || old.kind !== 'digits') return false;
  // A short number matches nothing, and either of the NIK or the phone may be what
  // matched: only when both parts of the old term are searchable and contained in the
  // new one does a match of the new term carry over.
  return old.raw.length >= MIN_DIGITS && old.national.length >= MIN_DIGITS && term.raw.includes(old.raw) && term.national.includes(old.national);
}
