import type { Page } from '../../shared/domain/list-query';
import { useLanguage, useT } from '../i18n';

type Props = { page: Page<unknown>; onPage: (page: number) => void };

/**
 * "21–40 dari 85" with the previous and next buttons under a long list. The range is a
 * live status, so a screen reader hears where a button press led.
 */
export function ListPager({ page, onPage }: Props) {
  const t = useT();
  const [language] = useLanguage();
  const count = (n: number) => n.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
  return (
    <nav class="list-pager" aria-label={t('list.pages')}>
      <button type="button" class="button button--secondary" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
        {t('list.previous')}
      </button>
      <p class="list-pager__range" role="status">
        {t('list.range', { first: count(page.first), last: count(page.last), total: count(page.total) })}
      </p>
      <button type="button" class="button button--secondary" disabled={page.page >= page.pages} onClick={() => onPage(page.page + 1)}>
        {t('list.next')}
      </button>
    </nav>
  );
}
