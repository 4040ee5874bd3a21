import { useUser } from '../auth/SessionProvider';
import { useT } from '../i18n';
import { usePendingChanges } from '../storage/use-pending-changes';
import { useDisclosure } from '../ui/use-disclosure';
import { LanguageSelect } from './LanguageSelect';
import { NavIcon } from './nav-icons';
import { SignOutButton } from './SignOutButton';

/**
 * The signed-in user's name in the header, opening a small panel: who, how many changes
 * wait, the language, change password, sign out. The language switch lives here while
 * signed in: at 360 px the header has no room for both it and the name.
 */
export function UserMenu() {
  const t = useT();
  const user = useUser();
  const pending = usePendingChanges();
  const { open, setOpen, panelId, root } = useDisclosure<HTMLDivElement>();

  return (
    <div class="user-menu" ref={root}>
      <button
        type="button"
        class="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <NavIcon name="user" class="user-menu__icon" />
        <span class="user-menu__name">{user.displayName}</span>
      </button>
      <div id={panelId} class="user-menu__panel" hidden={!open}>
        <p class="user-menu__who">
          <strong>{user.displayName}</strong>
          <span class="muted">
            {user.username} · {t(`role.${user.role}`)}
            {user.providerName === null ? '' : ` · ${user.providerName}`}
          </span>
        </p>
        {pending !== null && pending > 0 && (
          <p class="user-menu__pending">{t(pending === 1 ? 'outbox.waiting.one' : 'outbox.waiting.other', { count: pending })}</p>
        )}
        <LanguageSelect />
        <a class="user-menu__link" href="/account" onClick={() => setOpen(false)}>
          {t('account.changePassword')}
        </a>
        <SignOutButton />
      </div>
    </div>
  );
}
