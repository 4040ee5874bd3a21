import { useT } from '../../i18n';
import { usePendingChanges } from '../../storage/use-pending-changes';

/** Before someone else signs in: the current user's unsent changes are not lost, only parked. */
export function PendingChangesStay({ name }: { name: string }) {
  const t = useT();
  const pending = usePendingChanges();
  if (!pending) return null;
  return <p class="notice">{t(pending === 1 ? 'login.pendingStay.one' : 'login.pendingStay.other', { count: pending, name })}</p>;
}
