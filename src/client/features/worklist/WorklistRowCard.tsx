import { dateInZone } from '../../../shared/domain/dates';
import type { WorklistRow } from '../../../shared/domain/worklist';
import { useLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { callHref, whatsAppHref } from './contact-links';
import { useWorklistWords } from './worklist-words';

/**
 * One person due: who, from which cohort, what we last knew and when it is due, and the
 * three things an officer does next, each a full-size tap target. The buttons' names
 * carry the person's name ("Telepon Siti Aminah") for screen readers, which list links
 * out of their row.
 */
export function WorklistRowCard({ row }: { row: WorklistRow }) {
  const w = useWorklistWords();
  const [language] = useLanguage();
  const { alumnus, cohort, daysSinceGraduation, status, statusFoundAt, dueDate } = row;
  const call = callHref(alumnus);
  const chat = whatsAppHref(alumnus);
  const whose = <span class="visually-hidden">{` ${alumnus.name}`}</span>;
  const statusWords = w(`status.${status}`);

  return (
    <li class="card worklist-row">
      <h3 class="card__title">
        <a class="worklist-row__name" href={`/alumni/${alumnus.id}`}>
          {alumnus.name}
        </a>
      </h3>
      <p class="card__meta">
        {cohort?.title ?? w('row.noCohort')}
        {' · '}
        {daysSinceGraduation === null
          ? w('row.notGraduated')
          : daysSinceGraduation === 1
            ? w('row.daysSince.one')
            : w('row.daysSince', { days: daysSinceGraduation })}
      </p>
      <dl class="facts facts--compact worklist-row__facts">
        <dt>{w('row.status')}</dt>
        <dd>
          {statusFoundAt === null ? (
            statusWords
          ) : (
            <>
              {statusWords}
              {', '}
              <time dateTime={statusFoundAt}>{formatDate(dateInZone(statusFoundAt), language)}</time>
            </>
          )}
        </dd>
        <dt>{w('row.due')}</dt>
        <dd>
          <time dateTime={dueDate}>{formatDate(dueDate, language)}</time>
        </dd>
      </dl>
      {call === null && <p class="muted worklist-row__no-number">{w('row.noNumber')}</p>}
      <div class="worklist-row__actions">
        {call !== null && (
          <a class="button button--secondary" href={call}>
            {w('row.call')}
            {whose}
          </a>
        )}
        {chat !== null && (
          <a class="button button--secondary" href={chat} target="_blank" rel="noopener noreferrer">
            {w('row.whatsapp')}
            {whose}
          </a>
        )}
        <a class="button worklist-row__log" href={`/alumni/${alumnus.id}/follow-up`}>
          {w('row.log')}
          {whose}
        </a>
      </div>
    </li>
  );
}
