import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { isMutationName } from '../../shared/sync/mutations';
import { asSentence, useErrorText, useT } from '../i18n';
import type { OutboxEntry } from '../storage/db';
import { useDb } from '../storage/DbProvider';
import { discardRejected, rejectedEntries } from '../storage/outbox.repository';

/**
 * The changes the server refused, each with the reason in words and what the server
 * holds now (a compare-and-set conflict), a link to the record when it has a screen,
 * and a Discard button. The change itself was already undone on this device; a fix is
 * made as a new change from the record's screen.
 */
export function RefusedChanges() {
  const t = useT();
  const db = useDb();
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    const subscription = liveQuery(() => rejectedEntries(db)).subscribe({ next: setEntries, error: () => setEntries([]) });
    return () => subscription.unsubscribe();
  }, [db]);
  if (entries.length === 0) return null;
  return (
    <>
      <p>
        <strong>{t(entries.length === 1 ? 'sync.refused.one' : 'sync.refused.other', { count: entries.length })}</strong>
      </p>
      <ul class="sync__refused">
        {entries.map((entry) => (
          <RefusedChange key={entry.mid} entry={entry} onDiscard={() => void discardRejected(db, entry.mid).catch(() => undefined)} />
        ))}
      </ul>
    </>
  );
}

function RefusedChange({ entry, onDiscard }: { entry: OutboxEntry; onDiscard: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const what = isMutationName(entry.name) ? t(`mutation.${entry.name}`) : entry.name;
  const link = linkOf(entry);
  const current = entry.rejection?.current;
  const issues = fieldIssuesOf(entry.rejection?.details);
  // An edit settled against a later one: the value sent from here, beside the one that stands.
  const yours = entry.rejection?.code === 'superseded' ? yoursOf(entry.rejection.details) : undefined;
  const typed = typedPerson(entry);
  return (
    <li class="sync__refused-item">
      <strong>{what}</strong>
      {typed !== null && <span>{typed}</span>}
      <span>{asSentence(errorText(entry.rejection?.code ?? 'internal'))}</span>
      {issues.map(({ path, code }) => (
        <span key={path} class="muted">
          {path === '' ? asSentence(errorText(code)) : `${path}: ${errorText(code)}`}
        </span>
      ))}
      {yours !== undefined && <span class="muted">{t('sync.refused.yours', { value: describeValue(yours) })}</span>}
      {current !== undefined && <span class="muted">{t('sync.refused.current', { value: describeValue(current) })}</span>}
      <span class="sync__refused-actions">
        {link !== null && <a href={link}>{t('sync.refused.open')}</a>}
        <button type="button" class="button button--secondary" aria-label={t('sync.refused.discardLabel', { what })} onClick={onDiscard}>
          {t('sync.refused.discard')}
        </button>
      </span>
    </li>
  );
}

/**
 * The screen the change was about, when there is one. A refused enrolment made no
 * person, so it leads back to its cohort, where the clerk enrols again.
 */
function linkOf(entry: OutboxEntry): string | null {
  const args = entry.args as { id?: unknown; alumnusId?: unknown; cohortId?: unknown } | null;
  if (entry.name === 'enrollment.create') return typeof args?.cohortId === 'string' ? `/cohorts/${encodeURIComponent(args.cohortId)}` : null;
  const id = entry.name === 'alumnus.update-contact' ? args?.id : entry.name === 'follow-up.log' ? args?.alumnusId : undefined;
  return typeof id === 'string' ? `/alumni/${encodeURIComponent(id)}` : null;
}

/** What the user typed of a refused enrolment (NIK and name), so they can tell which one it was. */
function typedPerson(entry: OutboxEntry): string | null {
  if (entry.name !== 'enrollment.create') return null;
  const person = (entry.args as { alumnus?: { nik?: unknown; name?: unknown } } | null)?.alumnus;
  return typeof person?.nik === 'string' && typeof person.name === 'string' ? `${person.nik} · ${person.name}` : null;
}

/** The device's own values of a `superseded` edit (`{ yours: { field: value } }`). */
function yoursOf(details: unknown): unknown {
  return typeof details === 'object' && details !== null && 'yours' in details ? details.yours : undefined;
}

/** The field issues of an `invalid-body` refusal (`[{ path, code }]`), when that is what `details` holds. */
function fieldIssuesOf(details: unknown): { path: string; code: string }[] {
  if (!Array.isArray(details)) return [];
  return (details as unknown[]).filter(
    (issue): issue is { path: string; code: string } =>
      typeof issue === 'object' && issue !== null && 'path' in issue && typeof issue.path === 'string' && 'code' in issue && typeof issue.code === 'string',
  );
}

/** `{ startDate: '2024-03-02' }` as "startDate: 2024-03-02"; anything else as JSON. */
function describeValue(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  return Object.entries(value)
    .map(([field, fieldValue]) => `${field}: ${fieldValue === null ? '—' : String(fieldValue as string)}`)
    .join(', ');
}
