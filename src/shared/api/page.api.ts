import * as v from 'valibot';

/**
 * Paging of the data lists (`GET /api/cohorts`, `/api/alumni`, `/api/follow-ups`):
 * `?limit=` (1–1000, default 100) and `?offset=` (default 0) over a fixed order that ends
 * in the id, so pages never overlap or skip while nothing changes. The answer's
 * `page.nextOffset` is the `offset` of the next page, or null on the last one.
 *
 * Offsets, not cursors: these lists serve screens that page and jump; the sync pull
 * (which must never skip a change) has its own per-scope version cursor.
 */
export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;

/** A non-negative integer written in a query string. */
function queryInteger(maxDigits: number) {
  return v.pipe(v.string('invalid-type'), v.regex(new RegExp(`^\\d{1,${maxDigits}}$`), 'out-of-range'), v.transform(Number));
}

export const PageQueryEntries = {
  limit: v.optional(
    v.pipe(queryInteger(4), v.minValue(1, 'out-of-range'), v.maxValue(MAX_PAGE_LIMIT, 'out-of-range')),
    String(DEFAULT_PAGE_LIMIT),
  ),
  offset: v.optional(queryInteger(9), '0'),
};

export type PageQuery = { limit: number; offset: number };

export type Page = { limit: number; offset: number; nextOffset: number | null };

/** A budget year in a query string, e.g. `?budgetYear=2024`. */
export const QueryYearSchema = v.pipe(queryInteger(4), v.minValue(2000, 'out-of-range'), v.maxValue(2100, 'out-of-range'));
