import { useId, useState } from 'preact/hooks';
import { asSentence, useErrorText, useLanguage, useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { useDb } from '../../storage/DbProvider';
import { discardRejected } from '../../storage/outbox.repository';
import { useMutate } from '../../sync/SyncProvider';
import { useCohortsWords, type CohortsTranslate, type CohortsWord } from './cohorts-words';
import type { Conflict } from './conflicts-of';

type Props = { conflicts: readonly Conflict[]; nameOf: (enrollmentId: string) => string };

/**
 * "Needs review": changes of this cohort the server refused because someone else changed
 * the same fields first. Each shows this device's values beside the server's; the clerk
 * keeps the server's (the refused change is let go) or applies their own again, as a
 * new change whose base is the server's value, so it is not refused a second time.
 */
export function ConflictReview({ conflicts, nameOf }: Props) {
  const w = useCohortsWords();
  const headingId = useId();
  if (conflicts.length === 0) return null;
  return (
    <section class="cohort__section cohort__review" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('review.title')}</h2>
      <p>{w('review.intro')}</p>
      <ul class="cards">
        {conflicts.map((conflict) => (
          <ConflictItem key={conflict.mid} conflict={conflict} name={conflict.name === 'cohort.update' ? w('review.cohort') : nameOf(conflict.recordId)} />
        ))}
      </ul>
    </section>
  );
}

function ConflictItem({ conflict, name }: { conflict: Conflict; name: string }) {
  const t = useT();
  const w = useCohortsWords();
  const errorText = useErrorText();
  const [language] = useLanguage();
  const db = useDb();
  const mutate = useMutate();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const show = (field: string, value: unknown) => describe(w, field, value, (date) => formatDate(date, language));

  const takeTheirs = () => void discardRejected(db, conflict.mid).catch(() => setProblem(t('sync.problem.storage-failed')));
  const reapply = async () => {
    setBusy(true);
    const result =
      conflict.name === 'cohort.update'
        ? await mutate('cohort.update', { id: conflict.recordId, patch: conflict.mine, base: conflict.theirs })
        : await mutate('enrollment.update', { id: conflict.recordId, patch: conflict.mine, base: conflict.theirs });
    setBusy(false);
    if (result.kind === 'ok') await discardRejected(db, conflict.mid).catch(() => undefined);
    else if (result.kind === 'invalid') setProblem(w('review.failed', { problem: asSentence(errorText(result.issues[0]?.code ?? 'invalid-body')) }));
    else setProblem(t(`sync.problem.${result.kind}`));
  };

  const fields = Object.keys(conflict.mine);
  return (
    <li class="card">
      <h3 class="card__title">{name}</h3>
      <dl class="facts facts--compact">
        {fields.map((field) => (
          <>
            <dt>{fieldLabel(w, field)}</dt>
            <dd>
              <span>{w('review.mine', { value: show(field, conflict.mine[field]) })}</span>
              <br />
              <strong>{w('review.theirs', { value: show(field, conflict.theirs[field]) })}</strong>
            </dd>
          </>
        ))}
      </dl>
      {problem !== null && (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="card__actions">
        <button type="button" class="button button--secondary" aria-label={w('review.takeTheirsLabel', { name })} onClick={takeTheirs}>
          {w('review.takeTheirs')}
        </button>
        <button type="button" class="button" disabled={busy} aria-label={w('review.reapplyLabel', { name })} onClick={() => void reapply()}>
          {w('review.reapply')}
        </button>
      </div>
    </li>
  );
}

const FIELD_WORDS: Record<string, CohortsWord> = {
  outcome: 'col.outcome',
  graduationDate: 'col.graduationDate',
  certification: 'col.certification',
  certificationScheduledDate: 'bulk.scheduledDate',
  certificationIssuedDate: 'bulk.issuedDate',
  certificateNumber: 'col.certificateNumber',
  vocationId: 'field.vocation',
  title: 'field.title',
  fundingSource: 'field.fundingSource',
  budgetYear: 'field.budgetYear',
  startDate: 'field.startDate',
  endDate: 'field.endDate',
  location: 'field.location',
  plannedCertificationDate: 'field.plannedCertificationDate',
  actualCertificationDate: 'field.actualCertificationDate',
};

function fieldLabel(w: CohortsTranslate, field: string): string {
  const word = FIELD_WORDS[field];
  return word === undefined ? field : w(word);
}

/** A value in words: dates formatted, outcomes and certification states named, nothing as a dash. */
function describe(w: CohortsTranslate, field: string, value: unknown, date: (day: string) => string): string {
  if (value === null || value === undefined || value === '') return w('review.empty');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field === 'outcome') return w(`outcome.${value}` as CohortsWord);
  if (field === 'certification') return w(`certification.${value}` as CohortsWord);
  if (field === 'fundingSource') return w(`funding.${value}` as CohortsWord);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : value;
}
