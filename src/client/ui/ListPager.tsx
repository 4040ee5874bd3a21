import type { Page } from '../../shared/domain/list-query';
import { useLanguage } from '../i18n';
import { useListWords } from './list-words';

type Props = { page: Page<unknown>; onPage: (page: number) => void };

/**
 * "21–40 dari 85" with the previous and next buttons under a long list. The range is a
 * live status, so a screen reader hears where a button press led.
 */
export function ListPager({ page, onPage }: Props) {
  const l = useListWords();
  const [language] = useLanguage();
  const count = (n: number) => n.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
  return (
    <nav class="list-pager" aria-label={l('pages')}>
      <button type="button" class="button button--secondary" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
        {l('previous')}
      </button>
      <p class="list-pager__range" role="status">
        {l('range', { first: count(page.first), last: count(page.last), total: count(page.total) })}
      </p>
      <button type="button" class="button button--secondary" disabled={page.page >= page.pages} onClick={() => onPage(page.page + 1)}>
        {l('next')}
      </button>
    </nav>
  );
}
