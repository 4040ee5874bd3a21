import { useId } from 'preact/hooks';
import type { Cohort } from '../../../shared/schema';
import { useLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { useCohortsWords } from './cohorts-words';

type Props = { cohort: Cohort; providerName: string | null; vocationName: string | null };

/** What the cohort is: provider, vocation, funding, dates, place. */
export function CohortFacts({ cohort, providerName, vocationName }: Props) {
  const w = useCohortsWords();
  const [language] = useLanguage();
  const headingId = useId();
  const date = (value: string | null) => (value === null ? w('review.empty') : formatDate(value, language));
  const facts: [string, string][] = [
    [w('field.provider'), providerName ?? w('review.empty')],
    [w('field.vocation'), vocationName ?? w('review.empty')],
    [w('field.fundingSource'), w(`funding.${cohort.fundingSource}`)],
    [w('field.budgetYear'), String(cohort.budgetYear)],
    [w('field.startDate'), date(cohort.startDate)],
    [w('field.endDate'), date(cohort.endDate)],
    [w('field.location'), cohort.location || w('review.empty')],
    // A cohort stored on this device before seats existed has none at all: unknown too.
    [w('field.seats'), cohort.seats ? String(cohort.seats) : w('review.empty')],
    [w('field.plannedCertificationDate'), date(cohort.plannedCertificationDate)],
    [w('field.actualCertificationDate'), date(cohort.actualCertificationDate)],
  ];
  return (
    <section class="cohort__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('page.facts')}</h2>
      <dl class="facts">
        {facts.map(([term, value]) => (
          <>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}
