import type { Page, PageQuery } from '../../shared/api/page.api';

/**
 * A page of a list queried with `limit + 1` rows: the extra row only tells that another
 * page follows, without counting the whole list.
 */
export function toPage<T>(rows: T[], { limit, offset }: PageQuery): { items: T[]; page: Page } {
  const more = rows.length > limit;
  return { items: more ? rows.slice(0, limit) : rows, page: { limit, offset, nextOffset: more ? offset + limit : null } };
}
