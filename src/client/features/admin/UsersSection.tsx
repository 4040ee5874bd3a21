import { useState } from 'preact/hooks';
import type { UserSummary } from '../../../shared/api/auth.api';
import { pageOf } from '../../../shared/domain/list-query';
import type { Provider } from '../../../shared/schema/provider.schema';
import { useT } from '../../i18n';
import { ListPager } from '../../ui/ListPager';
import { useListWords } from '../../ui/list-words';
import { CreateUserForm } from './CreateUserForm';
import { UserCard } from './UserCard';
import { NO_USER_FILTERS, UserFilters, filterUsers } from './UserFilters';

type Props = {
  users: readonly UserSummary[];
  providers: readonly Provider[];
  onUser: (user: UserSummary) => void;
};

type RowEditor = { id: string; kind: 'edit' | 'password' } | null;

function byName(a: UserSummary, b: UserSummary): number {
  return a.displayName.localeCompare(b.displayName);
}

/** The users, a form to add one, and one row open for editing or a password reset at a time. */
export function UsersSection({ users, providers, onUser }: Props) {
  const t = useT();
  const l = useListWords();
  const [creating, setCreating] = useState(false);
  const [editor, setEditor] = useState<RowEditor>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filters, setFilters] = useState(NO_USER_FILTERS);
  const [page, setPage] = useState(1);
  const providerNames = new Map(providers.map((provider) => [provider.id, provider.name]));
  const shown = pageOf(filterUsers([...users].sort(byName), filters, providerNames), page);

  return (
    <section aria-labelledby="users-title">
      <div class="section-head">
        <h2 id="users-title">{t('admin.users.title')}</h2>
        {!creating && (
          <button type="button" class="button" onClick={() => {
              setCreating(true);
              setNotice(null);
            }}>
            {t('admin.users.add')}
          </button>
        )}
      </div>
      <p class="notice notice--success" role="status" hidden={notice === null}>
        {notice}
      </p>
      {creating && (
        <CreateUserForm
          providers={providers}
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            onUser(user);
            setCreating(false);
            setNotice(t('admin.users.created', { username: user.username }));
          }}
        />
      )}
      <UserFilters
        values={filters}
        onChange={(values) => {
          setFilters(values);
          setPage(1);
        }}
      />
      {shown.total === 0 && <p class="muted">{l('noMatch')}</p>}
      <ul class="cards">
        {shown.rows.map((user) => (
          <UserCard
            key={user.id}
            user={user}
            providers={providers}
            providerName={user.providerId === null ? null : (providerNames.get(user.providerId) ?? null)}
            editing={editor?.id === user.id ? editor.kind : null}
            onEdit={(kind) => {
              setEditor(kind === null ? null : { id: user.id, kind });
              setNotice(null);
            }}
            onSaved={(saved) => {
              onUser(saved);
              setEditor(null);
              setNotice(t('admin.users.saved', { name: saved.displayName }));
            }}
            onPasswordReset={() => {
              setEditor(null);
              setNotice(t('admin.users.resetDone', { name: user.displayName }));
            }}
          />
        ))}
      </ul>
      {shown.pages > 1 && <ListPager page={shown} onPage={setPage} />}
    </section>
  );
}
