import { useId, useState } from 'preact/hooks';
import { planBulkEdit, type BulkProblem, type CertificationChange, type OutcomeChange } from '../../../shared/domain/bulk-enrollment-edit';
import { asSentence, useErrorText, useT } from '../../i18n';
import { useMutateBatch } from '../../sync/SyncProvider';
import { ChoiceGroup } from '../follow-up/ChoiceGroup';
import { InputField } from '../follow-up/InputField';
import { CertificateNumbers, numbersOf, type NumbersInput } from './CertificateNumbers';
import { useCohortsWords } from './cohorts-words';
import type { Participant } from './use-cohort-page';

type Props = {
  /** The selected participants, in the order the list shows them. */
  rows: readonly Participant[];
  /** Proposed as the graduation day: most classes graduate on their last day. */
  endDate: string;
};

const OUTCOMES = ['graduated', 'not-graduated', 'dropped-out'] as const;
const CERTIFICATIONS = ['scheduled', 'competent', 'not-yet-competent'] as const;
const NO_NUMBERS: NumbersInput = { how: 'each', each: {}, pasted: '' };

/**
 * Graduation or certification for many participants at once. Every row becomes one
 * `enrollment.update` whose `base` is what the list showed, all applied and queued in one
 * transaction (useMutateBatch): the whole lot lands, or nothing and the reason. A row
 * someone else changed meanwhile is refused by the server and comes back for review.
 */
export function BulkEdit({ rows, endDate }: Props) {
  const t = useT();
  const w = useCohortsWords();
  const errorText = useErrorText();
  const mutateBatch = useMutateBatch();
  const headingId = useId();
  const [what, setWhat] = useState<'outcome' | 'certification'>('outcome');
  const [outcome, setOutcome] = useState<OutcomeChange['outcome']>('graduated');
  const [graduationDate, setGraduationDate] = useState(endDate);
  const [certification, setCertification] = useState<CertificationChange['certification']>('competent');
  const [scheduledDate, setScheduledDate] = useState('');
  const [issuedDate, setIssuedDate] = useState('');
  const [numbers, setNumbers] = useState<NumbersInput>(NO_NUMBERS);
  const [problems, setProblems] = useState<readonly BulkProblem[]>([]);
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const words = (problem: BulkProblem): string => {
    if (problem.code === 'none-selected') return w('bulk.none-selected');
    if (problem.code === 'count-mismatch') return w('bulk.count-mismatch', { numbers: numbersOf(numbers, rows).length, rows: rows.length });
    return asSentence(errorText(problem.code));
  };
  const fieldError = (field: BulkProblem['field']) => {
    const problem = problems.find((found) => found.field === field && found.row === undefined);
    return problem === undefined ? null : words(problem);
  };
  const rowErrors = new Map(
    problems.flatMap((problem) => {
      const row = problem.row === undefined ? undefined : rows[problem.row];
      return row === undefined ? [] : [[row.enrollment.id, words(problem)] as const];
    }),
  );

  const apply = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const change: OutcomeChange | CertificationChange =
      what === 'outcome'
        ? { kind: 'outcome', outcome, graduationDate }
        : { kind: 'certification', certification, scheduledDate, issuedDate, numbers: numbersOf(numbers, rows) };
    const plan = planBulkEdit(
      rows.map((row) => row.enrollment),
      change,
    );
    if (plan.kind === 'invalid') {
      setProblems(plan.problems);
      const general = plan.problems.find((problem) => problem.field === 'selection');
      setNotice({ text: general === undefined ? t('form.fixFields') : words(general), ok: false });
      return;
    }
    setProblems([]);
    if (plan.updates.length === 0) {
      setNotice({ text: w('bulk.nothing'), ok: true });
      return;
    }
    setBusy(true);
    const result = await mutateBatch(plan.updates.map((input) => ({ name: 'enrollment.update', input })));
    setBusy(false);
    if (result.kind === 'ok') {
      setNumbers((current) => ({ ...NO_NUMBERS, how: current.how }));
      // The selection stays: the same people are often certified next.
      setNotice({ text: w('bulk.applied', { count: result.mids.length }), ok: true });
    } else if (result.kind === 'invalid') {
      const row = rows.findIndex((found) => found.enrollment.id === plan.updates[result.index]?.id);
      const problem = asSentence(errorText(result.issues[0]?.code ?? 'invalid-body'));
      setNotice({ text: w('bulk.rowProblem', { row: row + 1, name: rows[row]?.alumnus?.name ?? '', problem }), ok: false });
    } else setNotice({ text: t(`sync.problem.${result.kind}`), ok: false });
  };

  return (
    <form id="bulk-edit" class="form cohort__bulk" noValidate aria-labelledby={headingId} onSubmit={(event) => void apply(event)}>
      <h3 id={headingId}>{w('bulk.title')}</h3>
      <p class="muted">{w('bulk.selected', { count: rows.length })}</p>
      <ChoiceGroup
        legend={w('bulk.what')}
        name="what"
        value={what}
        options={[
          { value: 'outcome', label: w('bulk.what.outcome') },
          { value: 'certification', label: w('bulk.what.certification') },
        ]}
        onValue={(value) => {
          setWhat(value === 'certification' ? 'certification' : 'outcome');
          setNotice(null);
          setProblems([]);
        }}
      />
      {what === 'outcome' ? (
        <>
          <ChoiceGroup
            legend={w('bulk.outcome')}
            name="outcome"
            value={outcome}
            options={OUTCOMES.map((value) => ({ value, label: w(`outcome.${value}`) }))}
            onValue={(value) => setOutcome(OUTCOMES.find((known) => known === value) ?? 'graduated')}
          />
          {outcome === 'graduated' && (
            <InputField label={w('bulk.graduationDate')} name="graduationDate" type="date" value={graduationDate} onValue={setGraduationDate} error={fieldError('graduationDate')} />
          )}
        </>
      ) : (
        <>
          <ChoiceGroup
            legend={w('bulk.certification')}
            name="certification"
            value={certification}
            options={CERTIFICATIONS.map((value) => ({ value, label: w(`certification.${value}`) }))}
            onValue={(value) => setCertification(CERTIFICATIONS.find((known) => known === value) ?? 'competent')}
          />
          <InputField
            label={w('bulk.scheduledDate')}
            name="scheduledDate"
            type="date"
            hint={certification === 'scheduled' ? undefined : w('bulk.optionalDate')}
            value={scheduledDate}
            onValue={setScheduledDate}
            error={fieldError('scheduledDate')}
          />
          {certification === 'competent' && (
            <>
              <InputField
                label={w('bulk.issuedDate')}
                name="issuedDate"
                type="date"
                hint={w('bulk.optionalDate')}
                value={issuedDate}
                onValue={setIssuedDate}
                error={fieldError('issuedDate')}
              />
              <CertificateNumbers rows={rows} input={numbers} onInput={setNumbers} error={fieldError('numbers')} rowErrors={rowErrors} />
            </>
          )}
        </>
      )}
      <p role="status" class={notice === null ? 'visually-hidden' : notice.ok ? 'notice notice--success' : 'form-problem'}>
        {notice?.text}
      </p>
      <div class="form__actions cohort__bulk-actions">
        <button type="submit" class="button" disabled={busy || rows.length === 0}>
          {w('bulk.apply', { count: rows.length })}
        </button>
      </div>
    </form>
  );
}
