import { useId, useState } from 'preact/hooks';
import { isWithheld } from '../../../shared/domain/withheld-follow-up';
import type { FollowUp } from '../../../shared/schema';
import { useLanguage, type Language } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { VoidFollowUpForm } from '../follow-up/VoidFollowUpForm';
import { useAlumnusWords, type AlumnusTranslate } from './alumnus-words';
import type { FollowUpView } from './use-alumnus-record';

type Props = {
  followUps: readonly FollowUpView[];
  /** Whether this user may void the follow-up (its author, once); nothing is offered otherwise. */
  mayVoid: (followUp: FollowUp) => boolean;
};

/**
 * Every contact attempt, newest first. Follow-ups are append-only: a voided one stays,
 * struck through (`<s>`: no longer accurate), with who voided it and why. Its author may
 * void a mistaken one here, one entry at a time. A contact written outside a provider
 * reaches its staff as status history only (shared/domain/withheld-follow-up.ts) and
 * says so instead of naming its author.
 */
export function FollowUpTimeline({ followUps, mayVoid }: Props) {
  const w = useAlumnusWords();
  const [language] = useLanguage();
  const headingId = useId();
  const [voiding, setVoiding] = useState<string | null>(null);
  return (
    <section class="alumnus__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('followUps.title')}</h2>
      {followUps.length === 0 && <p class="muted">{w('followUps.none')}</p>}
      <ol class="timeline">
        {followUps.map(({ followUp, officerName, voidedByName }) => (
          <li key={followUp.id} class={followUp.voidedAt === null ? 'timeline__item' : 'timeline__item timeline__item--voided'}>
            {followUp.voidedAt === null ? (
              <>
                <div class="timeline__body">
                  <Entry followUp={followUp} officerName={officerName} w={w} language={language} />
                </div>
                {mayVoid(followUp) &&
                  (voiding === followUp.id ? (
                    <VoidFollowUpForm
                      followUpId={followUp.id}
                      label={w('void.formLabel', { date: formatDateTime(followUp.contactedAt, language) })}
                      onDone={() => setVoiding(null)}
                    />
                  ) : (
                    <button type="button" class="button button--secondary timeline__void-button" onClick={() => setVoiding(followUp.id)}>
                      {w('followUp.void')}
                    </button>
                  ))}
              </>
            ) : (
              <>
                <s class="timeline__body">
                  <Entry followUp={followUp} officerName={officerName} w={w} language={language} />
                </s>
                <p class="timeline__void">
                  {isWithheld(followUp)
                    ? w('followUp.voidedElsewhere', { date: formatDateTime(followUp.voidedAt, language) })
                    : w('followUp.voided', {
                        date: formatDateTime(followUp.voidedAt, language),
                        name: voidedByName ?? w('someone'),
                        reason: followUp.voidReason,
                      })}
                </p>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

type EntryProps = { followUp: FollowUp; officerName: string | null; w: AlumnusTranslate; language: Language };

/** Phrasing content only (spans shown as lines), so it can sit inside `<s>`. */
function Entry({ followUp, officerName, w, language }: EntryProps) {
  const details: [string, string][] = [
    [w('followUp.employer'), followUp.employer],
    [w('followUp.jobTitle'), followUp.jobTitle],
    [w('followUp.sector'), followUp.sector],
    [w('followUp.businessName'), followUp.businessName],
    [w('followUp.businessKind'), followUp.businessKind],
    [w('followUp.businessEmployees'), followUp.businessEmployees === null ? '' : String(followUp.businessEmployees)],
    [w('followUp.statusStartDate'), followUp.statusStartDate === null ? '' : formatDate(followUp.statusStartDate, language)],
    [w('followUp.notes'), followUp.notes],
    [w('followUp.next'), followUp.nextFollowUpDate === null ? '' : formatDate(followUp.nextFollowUpDate, language)],
  ];
  return (
    <>
      <span class="timeline__head">
        <time dateTime={followUp.contactedAt}>{formatDateTime(followUp.contactedAt, language)}</time>
        {' · '}
        {w(`channel.${followUp.channel}`)}
        {officerName !== null && ` · ${w('followUp.by', { name: officerName })}`}
        {isWithheld(followUp) && ` · ${w('followUp.elsewhere')}`}
      </span>
      <span class="timeline__status">{outcomeText(followUp, w)}</span>
      {details
        .filter(([, value]) => value !== '')
        .map(([label, value]) => (
          <span key={label} class="timeline__detail">
            {label}: {value}
          </span>
        ))}
    </>
  );
}

function outcomeText(followUp: FollowUp, w: AlumnusTranslate): string {
  if (followUp.reached) return followUp.status === null ? '' : w(`status.${followUp.status}`);
  return w('unreached', { reason: w(`unreached.${followUp.unreachedReason ?? 'other'}`) });
}
