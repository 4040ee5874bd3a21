import { MIN_DIGITS, isTooShort, matchesAll, parseQuery, type SearchEntry, type Term } from '../../../shared/domain/search';
import { candidatesOf, type SearchCandidates } from './search-candidates';

/** The entries the last query matched, all of them, to search again when the next key narrows it. */
export type Narrowed = { terms: Term[]; entries: readonly SearchEntry[] };

/**
 * The shared `searchAlumni` rule, answered from the fewest candidates that surely hold
 * every match: the entries the previous query matched, when the officer typed another
 * letter or digit of it; or a term's own candidates (see SearchCandidates). Only the
 * terms those candidates are not exact for are compared entry by entry.
 */
export function searchNarrowing(
  candidates: SearchCandidates,
  previous: Narrowed | null,
  query: string,
  limit: number,
): { ids: string[]; total: number; narrowed: Narrowed | null } {
  const terms = parseQuery(query);
  if (terms.length === 0) return { ids: [], total: 0, narrowed: null };
  if (terms.some(isTooShort)) return { ids: [], total: 0, narrowed: { terms, entries: [] } };
  let from = previous !== null && narrows(terms, previous.terms) ? previous.entries : candidates.index;
  let settled: Term | null = null;
  for (const term of terms) {
    const own = candidatesOf(candidates, term);
    // As few, and exact: as good a start, with one term fewer to compare.
    if (own.entries.length < from.length || (own.exact && own.entries.length === from.length && settled === null)) {
      from = own.entries;
      settled = own.exact ? term : null;
    }
  }
  const rest = terms.filter((term) => term !== settled);
  const entries = rest.length === 0 ? from : from.filter((entry) => matchesAll(entry, rest));
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
