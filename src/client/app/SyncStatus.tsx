import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLanguage, useT } from '../i18n';
import { updateApp } from '../sync/app-update';
import { relativeTime } from '../sync/relative-time';
import { useSyncActions, useSyncState } from '../sync/SyncProvider';
import type { SyncState } from '../sync/sync-status';
import '../sync/sync-status.css';
import { useDisclosure } from '../ui/use-disclosure';
import { useOnline } from './use-online';

/**
 * The sync state in the header, compact enough for 360 px: online or offline, how many
 * changes wait, a spinner while syncing, a warning mark for refused changes. It opens a
 * panel with the details, "sync now" and the refused changes. Needs `SyncProvider`.
 */
export function SyncStatus() {
  const t = useT();
  const online = useOnline();
  const state = useSyncState();
  const { open, setOpen, panelId, root } = useDisclosure<HTMLDivElement>();
  const { pending, rejected, running } = state;

  const warn = rejected > 0 || state.problem === 'update-required' || state.problem === 'storage-full';
  return (
    <div class="sync" ref={root}>
      {/* The button shows the network state; this live region announces its changes. */}
      <span role="status" class="visually-hidden">
        {t(online ? 'network.online' : 'network.offline')}
      </span>
      <button
        type="button"
        class={`sync__button${online ? '' : ' sync__button--offline'}${warn ? ' sync__button--warn' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span class={running ? 'sync__spinner' : 'sync__dot'} aria-hidden="true" />
        {t(online ? 'network.online' : 'network.offline')}
        {pending !== null && pending > 0 && (
          <span class="sync__count" aria-hidden="true">
            {pending}
          </span>
        )}
        {rejected > 0 && (
          <span class="sync__count sync__count--warn" aria-hidden="true">
            !{rejected}
          </span>
        )}
        <span class="visually-hidden">
          {' · '}
          {waitingText(t, pending)} {rejected > 0 && refusedText(t, rejected)}
        </span>
      </button>
      <div id={panelId} class="sync__panel" hidden={!open} role="region" aria-label={t('sync.title')}>
        {open && <SyncDetails state={state} online={online} />}
      </div>
    </div>
  );
}

function SyncDetails({ state, online }: { state: SyncState; online: boolean }) {
  const t = useT();
  const [language] = useLanguage();
  const { syncNow } = useSyncActions();
  const now = useNow(30_000);
  const { pending, rejected, running, progress, problem, lastSyncedAt } = state;
  return (
    <>
      <p>{waitingText(t, pending)}</p>
      <p class="muted">{lastSyncedAt === null ? t('sync.never') : t('sync.last', { time: relativeTime(lastSyncedAt, now, language) })}</p>
      <p role="status">
        {running && (progress === null ? t('sync.running') : t('sync.progress', { changes: progress.changes, pages: progress.pages }))}
        {!running && problem !== null && t(`sync.problem.${problem}`)}
      </p>
      {problem === 'update-required' ? (
        <UpdateButton />
      ) : (
        <button type="button" class="button button--secondary" disabled={!online || running} onClick={syncNow}>
          {t('sync.now')}
        </button>
      )}
      {rejected > 0 && <Refused fallback={refusedText(t, rejected)} />}
    </>
  );
}

/**
 * Banners for the few sync facts that must not wait for the panel to be opened: the app
 * is too old for the server, or the browser may evict unsynced work. For the top of
 * the main area, beside the session banner.
 */
export function SyncNotices() {
  const t = useT();
  const { problem, persistRefused } = useSyncState();
  const { dismissPersistNotice } = useSyncActions();
  return (
    <>
      {problem === 'update-required' && (
        <div class="banner banner--warning" role="alert">
          <p>{t('sync.problem.update-required')}</p>
          <UpdateButton />
        </div>
      )}
      {persistRefused && (
        <div class="banner banner--warning" role="status">
          <p>{t('sync.persistRefused')}</p>
          <button type="button" class="button button--secondary" onClick={dismissPersistNotice}>
            {t('sync.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}

/** The list of refused changes, only needed once the server has refused something: loaded then, not with the shell. */
function Refused({ fallback }: { fallback: string }) {
  const [List, setList] = useState<ComponentType | null>(null);
  useEffect(() => {
    import('../sync/RefusedChanges').then(
      (module) => setList(() => module.RefusedChanges),
      () => undefined,
    );
  }, []);
  return List === null ? <p>{fallback}</p> : <List />;
}

function UpdateButton() {
  const t = useT();
  return (
    <button type="button" class="button" onClick={() => void updateApp()}>
      {t('sync.update')}
    </button>
  );
}

function waitingText(t: ReturnType<typeof useT>, pending: number | null): string {
  if (pending === null) return '';
  if (pending === 0) return t('sync.allSent');
  return t(pending === 1 ? 'outbox.waiting.one' : 'outbox.waiting.other', { count: pending });
}

function refusedText(t: ReturnType<typeof useT>, rejected: number): string {
  return t(rejected === 1 ? 'sync.refused.one' : 'sync.refused.other', { count: rejected });
}

/** The time, refreshed every `everyMs` while mounted: "2 minutes ago" keeps counting. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
