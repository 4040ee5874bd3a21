import { dateInZone } from '../../../shared/domain/dates';
import type { WorklistRow } from '../../../shared/domain/worklist';
import { useLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { callHref, whatsAppHref } from './contact-links';
import { RowIcon } from './row-icons';
import { useWorklistWords } from './worklist-words';

/**
 * One person due, in one row of about 76 px so that six or more fit a 360×740 phone:
 * name, cohort and days since graduation, the last status and the due date, and at the
 * right the taps an officer makes next (call, WhatsApp, log a contact), each 44 px
 * square. The details are on the alumnus page the name leads to. The buttons' names
 * carry the person's name ("Telepon Siti Aminah") for screen readers, which list links
 * out of their row.
 */
export function WorklistRowCard({ row }: { row: WorklistRow }) {
  const w = useWorklistWords();
  const [language] = useLanguage();
  const { alumnus, cohort, daysSinceGraduation, status, statusFoundAt, dueDate } = row;
  const call = callHref(alumnus);
  const chat = whatsAppHref(alumnus);
  const whose = ` ${alumnus.name}`;
  const statusWords = w(`status.${status}`);

  return (
    <li class={`worklist-row worklist-row--${status}`}>
      <div class="worklist-row__who">
        <h3 class="worklist-row__title">
          <a class="worklist-row__name" href={`/alumni/${alumnus.id}`}>
            {alumnus.name}
          </a>
        </h3>
        <p class="worklist-row__meta">
          {cohort?.title ?? w('row.noCohort')}
          {' · '}
          {daysSinceGraduation === null
            ? w('row.notGraduated')
            : daysSinceGraduation === 1
              ? w('row.daysSince.one')
              : w('row.daysSince', { days: daysSinceGraduation })}
        </p>
        <p class="worklist-row__meta">
          <span class="visually-hidden">{w('row.status')}: </span>
          <span class="worklist-row__status">
            {statusFoundAt === null ? (
              statusWords
            ) : (
              <>
                {statusWords}
                {', '}
                <time dateTime={statusFoundAt}>{formatDate(dateInZone(statusFoundAt), language)}</time>
              </>
            )}
          </span>
          {' · '}
          <span class="visually-hidden">{w('row.due')}: </span>
          <time dateTime={dueDate}>{formatDate(dueDate, language)}</time>
        </p>
      </div>
      <div class="worklist-row__actions">
        {call === null ? (
          <span class="worklist-row__action worklist-row__action--none">
            <RowIcon name="call" />
            <span class="visually-hidden">{w('row.noNumber')}</span>
          </span>
        ) : (
          <a class="worklist-row__action" href={call}>
            <RowIcon name="call" />
            <span class="visually-hidden">
              {w('row.call')}
              {whose}
            </span>
          </a>
        )}
        {chat !== null && (
          <a class="worklist-row__action" href={chat} target="_blank" rel="noopener noreferrer">
            <RowIcon name="whatsapp" />
            <span class="visually-hidden">
              {w('row.whatsapp')}
              {whose}
            </span>
          </a>
        )}
        <a class="worklist-row__action worklist-row__action--log" href={`/alumni/${alumnus.id}/follow-up`}>
          <RowIcon name="log" />
          <span class="visually-hidden">
            {w('row.log')}
            {whose}
          </span>
        </a>
      </div>
    </li>
  );
}
