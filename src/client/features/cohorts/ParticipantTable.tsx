import { maskNik } from '../../../shared/domain/participant-summary';
import { useLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { useCohortsWords } from './cohorts-words';
import type { Participant } from './use-cohort-page';

type Props = {
  /** The id of the heading that names the table. */
  labelledBy: string;
  participants: readonly Participant[];
  /** Checkboxes for those who may record graduation and certification. */
  selectable: boolean;
  selected: ReadonlySet<string>;
  onSelect: (enrollmentIds: readonly string[], selected: boolean) => void;
  /** Provider staff enrol by NIK and need it whole; other readers only tell people apart. */
  fullNik: boolean;
};

/**
 * The participants with their last known status, how their training ended and their
 * certificate. The status leads: it is what a supervisor opens the cohort for; the NIK,
 * which only tells people apart, comes last.
 */
export function ParticipantTable({ labelledBy, participants, selectable, selected, onSelect, fullNik }: Props) {
  const w = useCohortsWords();
  const [language] = useLanguage();
  const date = (value: string | null) => (value === null ? '' : formatDate(value, language));
  const allSelected = participants.length > 0 && participants.every(({ enrollment }) => selected.has(enrollment.id));
  const ids = participants.map(({ enrollment }) => enrollment.id);

  return (
    <DataTable labelledBy={labelledBy} selectable={selectable}>
      <table class="cohort__table">
        <thead>
          <tr>
            {selectable && (
              <th scope="col">
                <label class="cohort__check">
                  <input type="checkbox" checked={allSelected} onChange={(event) => onSelect(ids, event.currentTarget.checked)} />
                  <span class="visually-hidden">{w('select.all')}</span>
                </label>
              </th>
            )}
            <th scope="col">{w('col.name')}</th>
            <th scope="col">{w('col.status')}</th>
            <th scope="col">{w('col.outcome')}</th>
            <th scope="col">{w('col.graduationDate')}</th>
            <th scope="col">{w('col.certification')}</th>
            <th scope="col">{w('col.certificateNumber')}</th>
            <th scope="col">{w('col.nik')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map(({ enrollment, alumnus, status }) => {
            const name = alumnus?.name ?? w('review.empty');
            const certificationDates = [
              enrollment.certificationScheduledDate === null ? null : w('cert.scheduled', { date: date(enrollment.certificationScheduledDate) }),
              enrollment.certificationIssuedDate === null ? null : w('cert.issued', { date: date(enrollment.certificationIssuedDate) }),
            ].filter((part) => part !== null);
            return (
              <tr key={enrollment.id}>
                {selectable && (
                  <td>
                    <label class="cohort__check">
                      <input type="checkbox" checked={selected.has(enrollment.id)} onChange={(event) => onSelect([enrollment.id], event.currentTarget.checked)} />
                      <span class="visually-hidden">{w('select.one', { name })}</span>
                    </label>
                  </td>
                )}
                <th scope="row">{alumnus === null ? name : <a href={`/alumni/${alumnus.id}`}>{name}</a>}</th>
                <td data-label={w('col.status')}>{w(`status.${status}`)}</td>
                <td data-label={w('col.outcome')}>{w(`outcome.${enrollment.outcome}`)}</td>
                <td data-label={w('col.graduationDate')}>{date(enrollment.graduationDate)}</td>
                <td data-label={w('col.certification')}>
                  {w(`certification.${enrollment.certification}`)}
                  {certificationDates.length > 0 && <span class="muted"> ({certificationDates.join(', ')})</span>}
                </td>
                <td class="mono" data-label={w('col.certificateNumber')}>
                  {enrollment.certificateNumber}
                </td>
                <td class="mono" data-label={w('col.nik')}>
                  {alumnus === null ? '' : fullNik ? alumnus.nik : maskNik(alumnus.nik)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </DataTable>
  );
}
