import { useId, useState } from 'preact/hooks';
import { useLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { useAlumnusWords } from './alumnus-words';
import type { EnrollmentView } from './use-alumnus-record';
import { WithdrawEnrollmentForm } from './WithdrawEnrollmentForm';

type Props = {
  enrollments: readonly EnrollmentView[];
  /** Whether this user may withdraw the enrolment (its provider's staff, or an admin). */
  mayWithdraw: (view: EnrollmentView) => boolean;
};

/**
 * Each cohort the person attended, newest first, with how it ended and the certificate;
 * its provider's staff may withdraw one made in error, with a reason.
 */
export function EnrollmentList({ enrollments, mayWithdraw }: Props) {
  const w = useAlumnusWords();
  const [language] = useLanguage();
  const headingId = useId();
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState(false);
  const date = (value: string | null) => (value === null ? null : formatDate(value, language));

  return (
    <section class="alumnus__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('enrollments.title')}</h2>
      {enrollments.length === 0 && <p class="muted">{w('enrollments.none')}</p>}
      <p role="status" class={withdrawn ? 'notice notice--success' : 'visually-hidden'}>
        {withdrawn ? w('withdraw.done') : ''}
      </p>
      <ul class="cards">
        {enrollments.map((view) => {
          const { enrollment, cohort, providerName, vocationName } = view;
          return (
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
            {mayWithdraw(view) &&
              (withdrawing === enrollment.id ? (
                <WithdrawEnrollmentForm
                  enrollmentId={enrollment.id}
                  label={w('withdraw.formLabel', { cohort: cohort?.title ?? w('cohort.unknown') })}
                  onDone={(done) => {
                    setWithdrawing(null);
                    setWithdrawn(done);
                  }}
                />
              ) : (
                <button
                  type="button"
                  class="button button--secondary"
                  aria-label={w('withdraw.formLabel', { cohort: cohort?.title ?? w('cohort.unknown') })}
                  onClick={() => {
                    setWithdrawn(false);
                    setWithdrawing(enrollment.id);
                  }}
                >
                  {w('withdraw.open')}
                </button>
              ))}
          </li>
          );
        })}
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
