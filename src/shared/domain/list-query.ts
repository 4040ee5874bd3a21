import { foldText } from './search';

/**
 * Searching and paging the long lists of supervisors and admins (cohorts, users): what a
 * person types is matched word by word, each word the start of a word of the record's
 * texts, case and accents ignored — "las bon" finds "Pelatihan Las Listrik … Bontang".
 */

/** Rows per page of such a list: a screenful on a desktop, a few on a phone. */
export const LIST_PAGE_SIZE = 20;

/** True when every word of `query` starts a word of one of `texts`; an empty query matches all. */
export function matchesQuery(texts: readonly string[], query: string): boolean {
  const terms = foldText(query).split(' ').filter((term) => term !== '');
  if (terms.length === 0) return true;
  const words = texts.flatMap((text) => foldText(text).split(' '));
  return terms.every((term) => words.some((word) => word.startsWith(term)));
}

export type Page<T> = { rows: T[]; page: number; pages: number; total: number; first: number; last: number };

/**
 * Page `page` (1-based, clamped into range) of `rows`; `first`/`last` are the 1-based
 * positions shown ("21–40 dari 85"), both 0 for an empty list.
 */
export function pageOf<T>(rows: readonly T[], page: number, size = LIST_PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (current - 1) * size;
  const shown = rows.slice(start, start + size);
  return { rows: shown, page: current, pages, total: rows.length, first: shown.length === 0 ? 0 : start + 1, last: start + shown.length };
}
