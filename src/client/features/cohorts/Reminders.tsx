import { useId } from 'preact/hooks';
import type { ProviderReminder } from '../../../shared/domain/provider-reminders';
import { useLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { useCohortsWords } from './cohorts-words';

/** What is left to record, at the top of the provider's home; nothing when all is done. */
export function Reminders({ reminders, titles }: { reminders: readonly ProviderReminder[]; titles: ReadonlyMap<string, string> }) {
  const w = useCohortsWords();
  const [language] = useLanguage();
  const headingId = useId();
  if (reminders.length === 0) return null;
  return (
    <section class="cohorts__reminders notice" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('reminders.title')}</h2>
      <ul>
        {reminders.map((reminder) => (
          <li key={`${reminder.kind}-${reminder.cohortId}`}>
            {w(`reminders.${reminder.kind}`, {
              title: titles.get(reminder.cohortId) ?? '',
              count: reminder.count,
              since: formatDate(reminder.since, language),
            })}{' '}
            <a href={`/cohorts/${reminder.cohortId}`} aria-label={`${w('reminders.open')}: ${titles.get(reminder.cohortId) ?? ''}`}>
              {w('reminders.open')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
