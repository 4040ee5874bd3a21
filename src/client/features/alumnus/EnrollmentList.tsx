import { useId } from 'preact/hooks';
import { useLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { useAlumnusWords } from './alumnus-words';
import type { EnrollmentView } from './use-alumnus-record';

/** Each cohort the person attended, newest first, with how it ended and the certificate. */
export function EnrollmentList({ enrollments }: { enrollments: readonly EnrollmentView[] }) {
  const w = useAlumnusWords();
  const [language] = useLanguage();
  const headingId = useId();
  const date = (value: string | null) => (value === null ? null : formatDate(value, language));

  return (
    <section class="alumnus__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('enrollments.title')}</h2>
      {enrollments.length === 0 && <p class="muted">{w('enrollments.none')}</p>}
      <ul class="cards">
        {enrollments.map(({ enrollment, cohort, providerName, vocationName }) => (
          <li key={enrollment.id} class="card">
            <h3 class="card__title">{cohort?.title ?? w('cohort.unknown')}</h3>
            {cohort !== null && (
              <p class="card__meta">{[providerName, vocationName, String(cohort.budgetYear)].filter((part) => part !== null).join(' · ')}</p>
            )}
            <dl class="facts facts--compact">
              {cohort !== null && (
                <Fact label={w('enrollment.period')}>
                  {w('enrollment.period.value', { start: formatDate(cohort.startDate, language), end: formatDate(cohort.endDate, language) })}
                </Fact>
              )}
              <Fact label={w('enrollment.outcome')}>{w(`outcome.${enrollment.outcome}`)}</Fact>
              <Fact label={w('enrollment.graduationDate')}>{date(enrollment.graduationDate)}</Fact>
              <Fact label={w('enrollment.certification')}>{w(`certification.${enrollment.certification}`)}</Fact>
              <Fact label={w('enrollment.certificationScheduled')}>{date(enrollment.certificationScheduledDate)}</Fact>
              <Fact label={w('enrollment.certificationIssued')}>{date(enrollment.certificationIssuedDate)}</Fact>
              <Fact label={w('enrollment.certificateNumber')}>{enrollment.certificateNumber === '' ? null : enrollment.certificateNumber}</Fact>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A term and its value; nothing at all when there is no value. */
function Fact({ label, children }: { label: string; children: string | null }) {
  if (children === null) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
