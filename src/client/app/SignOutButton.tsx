import { useState } from 'preact/hooks';
import { useSessionStore } from '../auth/SessionProvider';
import { useT } from '../i18n';
import { useDb } from '../storage/DbProvider';
import { countPendingChanges } from '../storage/outbox.repository';

/**
 * Signs out only with an empty outbox: queued changes are sent with this user's session,
 * and a user who signed out and handed the phone on could not get them sent. Counts
 * afresh on every press rather than trusting a live count.
 */
export function SignOutButton() {
  const t = useT();
  const db = useDb();
  const store = useSessionStore();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const signOut = async () => {
    setBusy(true);
    const pending = await countPendingChanges(db).catch(() => null);
    if (pending !== 0) {
      setBusy(false);
      setRefusal(
        pending === null
          ? t('signOut.refused.unknown')
          : t(pending === 1 ? 'signOut.refused.one' : 'signOut.refused.other', { count: pending }),
      );
      return;
    }
    // The shell follows the session: signed out, it shows /login.
    await store.signOut();
  };

  return (
    <>
      <button type="button" class="button button--secondary user-menu__sign-out" disabled={busy} onClick={signOut}>
        {t('signOut.action')}
      </button>
      {refusal !== null && (
        <p class="form-problem" role="alert">
          {refusal}
        </p>
      )}
    </>
  );
}
