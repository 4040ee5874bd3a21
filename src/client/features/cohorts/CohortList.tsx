import { NO_PARTICIPANTS } from '../../../shared/domain/participant-summary';
import { useLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { useCohortsWords } from './cohorts-words';
import type { CohortListRow } from './use-cohort-list';

/** One card per cohort, newest first, each a link to its page. */
export function CohortList({ rows }: { rows: readonly CohortListRow[] }) {
  const w = useCohortsWords();
  const [language] = useLanguage();
  if (rows.length === 0) return <p class="muted">{w('list.empty')}</p>;
  return (
    <ul class="cards cohorts__list">
      {rows.map(({ cohort, vocationName, providerName, summary = NO_PARTICIPANTS }) => (
        <li key={cohort.id} class="card">
          <h2 class="card__title">
            <a href={`/cohorts/${cohort.id}`}>{cohort.title}</a>
          </h2>
          <p class="card__meta">
            {[vocationName, providerName, w(`funding.${cohort.fundingSource}`), String(cohort.budgetYear)].filter((part) => part !== null).join(' · ')}
          </p>
          <p class="card__meta">{w('list.period', { start: formatDate(cohort.startDate, language), end: formatDate(cohort.endDate, language) })}</p>
          <p class="card__meta">{w('list.counts', { ...summary })}</p>
        </li>
      ))}
    </ul>
  );
}
