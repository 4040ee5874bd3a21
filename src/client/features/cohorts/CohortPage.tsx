import { useRoute } from 'preact-iso';
import { useId, useState } from 'preact/hooks';
import { isAllowed, userMay } from '../../../shared/domain/permissions';
import { useUser } from '../../auth/SessionProvider';
import { useT } from '../../i18n';
import { BulkEdit } from './BulkEdit';
import { CohortFacts } from './CohortFacts';
import { useCohortsWords } from './cohorts-words';
import { ConflictReview } from './ConflictReview';
import { EnrolForm } from './EnrolForm';
import { ParticipantTable } from './ParticipantTable';
import { useCohortPage } from './use-cohort-page';
import './cohorts.css';

/** `/cohorts/:id`: the cohort, its participants, and for provider staff enrolment and bulk recording. */
export function CohortPage() {
  const t = useT();
  const w = useCohortsWords();
  const user = useUser();
  const { params } = useRoute();
  const cohortId = params.id ?? '';
  const data = useCohortPage(cohortId);
  const participantsId = useId();
  const [enrolling, setEnrolling] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  if (data === undefined) {
    return (
      <section class="screen">
        <h1>{w('list.title')}</h1>
        <p role="status">{t('common.loading')}</p>
      </section>
    );
  }
  if (data === null) {
    return (
      <section class="screen">
        <h1>{w('list.title')}</h1>
        <p>{w('page.notFound')}</p>
        <a class="button" href="/cohorts">
          {w('page.back')}
        </a>
      </section>
    );
  }

  const { cohort, participants, conflicts } = data;
  const mayWriteCohort = userMay(user, 'write-cohort');
  const mayEnrol = isAllowed(user.role, 'write-enrollment');
  const select = (ids: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  // In the list's order: pasted numbers go to the selected rows top to bottom.
  const selectedRows = participants.filter(({ enrollment }) => selected.has(enrollment.id));
  const names = new Map(participants.map(({ enrollment, alumnus }) => [enrollment.id, alumnus?.name ?? w('review.empty')]));

  return (
    <section class="screen screen--wide cohort">
      <div class="section-head">
        <h1>{cohort.title}</h1>
        {mayWriteCohort && (
          <a class="button button--secondary" href={`/cohorts/${cohort.id}/edit`}>
            {w('page.edit')}
          </a>
        )}
      </div>
      <ConflictReview conflicts={conflicts} nameOf={(id) => names.get(id) ?? w('review.empty')} />
      <CohortFacts cohort={cohort} providerName={data.providerName} vocationName={data.vocationName} />
      {/* Not a landmark of its own: the participants' table is one, named by the same heading. */}
      <section class="cohort__section">
        <div class="section-head">
          <h2 id={participantsId}>{cohort.seats ? w('page.participantsOfSeats', { count: participants.length, seats: cohort.seats }) : w('page.participants', { count: participants.length })}</h2>
          {mayEnrol && (
            <div class="card__actions">
              {!enrolling && (
                <button type="button" class="button" onClick={() => setEnrolling(true)}>
                  {w('page.enrol')}
                </button>
              )}
              <a class="button button--secondary" href={`/import?cohort=${encodeURIComponent(cohort.id)}`}>
                {w('page.import')}
              </a>
            </div>
          )}
        </div>
        {mayEnrol && cohort.seats && participants.length >= cohort.seats ? (
          <p class="notice">{w('page.seatsTaken', { count: participants.length, seats: cohort.seats })}</p>
        ) : null}
        {enrolling && (
          <EnrolForm cohortId={cohort.id} enrolledAlumnusIds={new Set(participants.map(({ enrollment }) => enrollment.alumnusId))} onClose={() => setEnrolling(false)} />
        )}
        {participants.length === 0 ? (
          <p class="muted">{w('page.noParticipants')}</p>
        ) : (
          <>
            <ParticipantTable labelledBy={participantsId} participants={participants} selectable={mayEnrol} selected={selected} onSelect={select} fullNik={mayEnrol} />
            {mayEnrol && <SelectionBar count={selectedRows.length} />}
            {mayEnrol && <BulkEdit rows={selectedRows} endDate={cohort.endDate} />}
          </>
        )}
      </section>
    </section>
  );
}

/**
 * Sticks to the bottom of the screen while the participant table scrolls by: how many are
 * ticked and the way to the form that changes them, which sits under a long table.
 */
function SelectionBar({ count }: { count: number }) {
  const w = useCohortsWords();
  const toForm = () => {
    const form = document.getElementById('bulk-edit');
    form?.scrollIntoView({ block: 'start' });
    form?.querySelector<HTMLInputElement>('input')?.focus();
  };
  return (
    <div class="cohort__selection-bar">
      <p role="status">{w('bulk.selected', { count })}</p>
      <button type="button" class="button" disabled={count === 0} onClick={toForm}>
        {w('bulk.title')}
      </button>
    </div>
  );
}
