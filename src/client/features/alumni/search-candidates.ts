import { MIN_DIGITS, type SearchEntry, type Term } from '../../../shared/domain/search';
import { digitHaystackOf, positionsContaining, type DigitHaystack } from './digit-haystack';

/**
 * What finds a term's candidates without comparing all 20,000 entries, made once per
 * index: the entries whose name has a word starting with each one- and two-letter
 * prefix (the first letters typed match the most people), and every NIK and every phone
 * number in one string each.
 */
export type SearchCandidates = {
  index: readonly SearchEntry[];
  byPrefix: ReadonlyMap<string, readonly SearchEntry[]>;
  niks: DigitHaystack;
  phones: DigitHaystack;
};

export function searchCandidatesOf(index: readonly SearchEntry[]): SearchCandidates {
  const byPrefix = new Map<string, SearchEntry[]>();
  for (const entry of index) {
    const prefixes = new Set<string>();
    for (const word of entry.words) {
      prefixes.add(word.slice(0, 1));
      if (word.length > 1) prefixes.add(word.slice(0, 2));
    }
    for (const prefix of prefixes) {
      const bucket = byPrefix.get(prefix);
      if (bucket === undefined) byPrefix.set(prefix, [entry]);
      else bucket.push(entry);
    }
  }
  return {
    index,
    byPrefix,
    niks: digitHaystackOf(index, (entry) => [entry.nik]),
    phones: digitHaystackOf(index, (entry) => entry.phones),
  };
}

/**
 * Entries, in the index's order, that hold every match of the term; `exact` when they
 * are its matches and no more, so they need no comparing against it.
 */
export function candidatesOf(candidates: SearchCandidates, term: Term): { entries: readonly SearchEntry[]; exact: boolean } {
  if (term.kind === 'word') {
    const prefix = term.text.slice(0, 2);
    // A word of one or two letters matches exactly the names with a word starting so.
    return { entries: candidates.byPrefix.get(prefix) ?? [], exact: term.text === prefix };
  }
  // The shared rule's two ways a number matches: the NIK as typed, a phone by its national digits.
  const byNik = term.raw.length >= MIN_DIGITS ? positionsContaining(candidates.niks, term.raw) : [];
  const byPhone = term.national.length >= MIN_DIGITS ? positionsContaining(candidates.phones, term.national) : [];
  return { entries: mergeIncreasing(byNik, byPhone).map((position) => candidates.index[position] as SearchEntry), exact: true };
}

/** The union of two increasing lists of positions, increasing, each position once. */
function mergeIncreasing(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a as number[];
  if (a.length === 0) return b as number[];
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    merged.push(Math.min(x, y));
    if (x <= y) i += 1;
    if (y <= x) j += 1;
  }
  return merged;
}
