import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { selfReportLinkState, selfReportUrl } from '../../../shared/domain/self-report';
import { selfReportMessage, whatsAppMessageHref } from '../../../shared/domain/self-report-message';
import type { Alumnus } from '../../../shared/schema';
import { asSentence, useErrorText, useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { LocalSelfReportLink } from '../../storage/self-report-links.repository';
import type { MutateResult } from '../../sync/mutate';
import { useMutate } from '../../sync/SyncProvider';
import { useAlumnusWords, type AlumnusTranslate } from './alumnus-words';
import { SELF_REPORT_LINKS_ANCHOR, useCreateSelfReportLink, useSelfReportLinks } from './use-self-report-links';

type Props = { alumnus: Alumnus; mayChange: boolean };

/**
 * The person's personal answer links: make one (offline too), send it with a ready
 * WhatsApp message once it has synced, see which are waiting, answered, expired or
 * withdrawn, and withdraw one still open.
 */
export function SelfReportLinks({ alumnus, mayChange }: Props) {
  const w = useAlumnusWords();
  const t = useT();
  const errorText = useErrorText();
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const links = useSelfReportLinks(alumnus.id);
  const create = useCreateSelfReportLink();
  const mutate = useMutate();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);

  useEffect(() => {
    if (location.hash === `#${SELF_REPORT_LINKS_ANCHOR}`) sectionRef.current?.scrollIntoView();
  }, []);

  const settle = (result: MutateResult, done: string) => {
    if (result.kind === 'ok') setNotice({ text: done, failed: false });
    else if (result.kind === 'invalid') setNotice({ text: asSentence(errorText(result.issues[0]?.code ?? 'invalid-body')), failed: true });
    else setNotice({ text: t(`sync.problem.${result.kind}`), failed: true });
  };
  const run = async (change: () => Promise<MutateResult>, done: string) => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    settle(await change(), done);
    setBusy(false);
  };

  return (
    <section class="alumnus__section" aria-labelledby={headingId} id={SELF_REPORT_LINKS_ANCHOR} ref={sectionRef}>
      <h2 id={headingId}>{w('links.title')}</h2>
      <p class="muted">{w('links.intro')}</p>
      {mayChange && (
        <button type="button" class="button button--secondary" disabled={busy} onClick={() => void run(() => create(alumnus.id), w('links.created'))}>
          {w('links.create')}
        </button>
      )}
      <p role="status" class={notice === null ? 'visually-hidden' : notice.failed ? 'form-problem' : 'notice notice--success'}>
        {notice?.text}
      </p>
      {links !== undefined && links.length === 0 && <p class="muted">{w('links.none')}</p>}
      {links !== undefined && links.length > 0 && (
        <ul class="self-report-links">
          {links.map((row) => (
            <LinkItem
              key={row.link.id}
              row={row}
              alumnus={alumnus}
              w={w}
              onWithdraw={mayChange ? () => void run(() => mutate('self-report-link.withdraw', { id: row.link.id }), w('links.withdrawnNow')) : null}
              busy={busy}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

type ItemProps = { row: LocalSelfReportLink; alumnus: Alumnus; w: AlumnusTranslate; onWithdraw: (() => void) | null; busy: boolean };

function LinkItem({ row, alumnus, w, onWithdraw, busy }: ItemProps) {
  const [language] = useLanguage();
  const { link, token, synced } = row;
  const state = selfReportLinkState(link, new Date());
  const when = (instant: string | null) => (instant === null ? '' : formatDateTime(instant, language));
  const open = state === 'waiting';
  const url = token === undefined ? null : selfReportUrl(location.origin, token);

  const stateText = !synced
    ? w('links.state.unsynced')
    : state === 'waiting'
      ? w('links.state.waiting', { date: when(link.expiresAt) })
      : state === 'answered'
        ? w('links.state.answered', { date: when(link.answeredAt) })
        : state === 'expired'
          ? w('links.state.expired', { date: when(link.expiresAt) })
          : w('links.state.withdrawn', { date: when(link.withdrawnAt) });

  return (
    <li class={`self-report-link self-report-link--${synced ? state : 'unsynced'}`}>
      <span class="self-report-link__made">{w('links.madeOn', { date: when(link.createdAt) })}</span>
      <span class="self-report-link__state">{stateText}</span>
      {open && synced && url !== null && (
        <>
          <a
            class="button"
            href={whatsAppMessageHref(alumnus.whatsapp ?? alumnus.phone, selfReportMessage({ fullName: alumnus.name, url, expiresAt: link.expiresAt }))}
            target="_blank"
            rel="noopener noreferrer"
          >
            {w('links.send')}
          </a>
          <span class="self-report-link__url">
            {w('links.url')}: <a href={url}>{url}</a>
          </span>
        </>
      )}
      {open && url === null && <span class="muted">{w('links.elsewhere')}</span>}
      {open && onWithdraw !== null && (
        <button type="button" class="button button--secondary" disabled={busy} onClick={onWithdraw}>
          {w('links.withdraw')}
        </button>
      )}
    </li>
  );
}
