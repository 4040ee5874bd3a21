import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { contactMessage } from '../../../shared/domain/contact-message';
import { dateInZone } from '../../../shared/domain/dates';
import type { WorklistRow } from '../../../shared/domain/worklist';
import { asSentence, useErrorText, useLanguage, useT } from '../../i18n';
import { SELF_REPORT_LINKS_ANCHOR, useCreateSelfReportLink } from '../alumnus/use-self-report-links';
import { formatDate } from '../../i18n/format';
import { callHref, smsHref, whatsAppHref } from './contact-links';
import { RowIcon } from './row-icons';
import { useWorklistWords } from './worklist-words';

/**
 * One person due, in one row of about 76 px so that six or more fit a 360×740 phone:
 * name, cohort and days since graduation, the last status and the due date, and at the
 * right the taps an officer makes next, each 44 px square: call, WhatsApp, a "more" menu
 * (SMS, make a self-report link) and log a contact. Four taps, not five, so that the
 * name keeps room on a 360 px phone. WhatsApp and SMS open with a ready message. The
 * link tap makes the link at once (offline too) and opens the person's page at their
 * links, where it is sent once synced. The details are on the alumnus page the name
 * leads to. The taps' names carry the person's name ("Telepon Siti Aminah") for screen
 * readers, which list links out of their row.
 */
export function WorklistRowCard({ row }: { row: WorklistRow }) {
  const w = useWorklistWords();
  const [language] = useLanguage();
  const { alumnus, cohort, daysSinceGraduation, status, statusFoundAt, dueDate } = row;
  const call = callHref(alumnus);
  // Greeted by the hour on this device when the list was drawn; the officer edits it before sending.
  const message = contactMessage(alumnus, new Date().getHours());
  const chat = whatsAppHref(alumnus, message);
  const sms = smsHref(alumnus, message);
  const whose = ` ${alumnus.name}`;
  const statusWords = w(`status.${status}`);
  const t = useT();
  const errorText = useErrorText();
  const { route } = useLocation();
  const createLink = useCreateSelfReportLink();
  const [making, setMaking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const makeLink = async () => {
    if (making) return;
    setMaking(true);
    setFailure(null);
    const result = await createLink(alumnus.id);
    setMaking(false);
    if (result.kind === 'ok') route(`/alumni/${alumnus.id}#${SELF_REPORT_LINKS_ANCHOR}`);
    else if (result.kind === 'invalid') setFailure(asSentence(errorText(result.issues[0]?.code ?? 'invalid-body')));
    else setFailure(t(`sync.problem.${result.kind}`));
  };

  return (
    <li class={`worklist-row worklist-row--${status}`}>
      <div class="worklist-row__who">
        <h3 class="worklist-row__title">
          <a class="worklist-row__name whole-card-link" href={`/alumni/${alumnus.id}`}>
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
        {failure !== null && (
          <p class="form-problem" role="alert">
            {w('row.selfReportFailed', { reason: failure })}
          </p>
        )}
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
        <details class="worklist-row__more">
          <summary class="worklist-row__action">
            <RowIcon name="more" />
            <span class="visually-hidden">
              {w('row.more')}
              {whose}
            </span>
          </summary>
          <div class="worklist-row__menu">
            {sms !== null && (
              <a class="worklist-row__menu-item" href={sms} aria-label={`${w('row.sms')}${whose}`}>
                <RowIcon name="sms" />
                {w('row.sms')}
              </a>
            )}
            <button
              type="button"
              class="worklist-row__menu-item"
              disabled={making}
              aria-label={`${w('row.selfReport')}${whose}`}
              onClick={() => void makeLink()}
            >
              <RowIcon name="link" />
              {w('row.selfReportShort')}
            </button>
          </div>
        </details>
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
