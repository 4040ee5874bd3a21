import { useState } from 'preact/hooks';
import { formatPhone } from '../../../shared/domain/phone';
import type { Provider } from '../../../shared/schema/provider.schema';
import { useT } from '../../i18n';
import { ActiveToggle } from './ActiveToggle';
import { createProvider, updateProvider } from './admin-api';
import { ProviderForm } from './ProviderForm';

type Props = { providers: readonly Provider[]; onProvider: (provider: Provider) => void };

/** Training providers: the list (active first), a form to add one, one open for editing at a time. */
export function ProvidersSection({ providers, onProvider }: Props) {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sorted = [...providers].sort((a, b) => Number(a.deleted) - Number(b.deleted) || a.name.localeCompare(b.name));

  return (
    <section aria-labelledby="providers-title">
      <div class="section-head">
        <h2 id="providers-title">{t('admin.providers.title')}</h2>
        {!creating && (
          <button
            type="button"
            class="button"
            onClick={() => {
              setCreating(true);
              setNotice(null);
            }}
          >
            {t('admin.providers.add')}
          </button>
        )}
      </div>
      <p class="notice notice--success" role="status" hidden={notice === null}>
        {notice}
      </p>
      {creating && (
        <ProviderForm
          save={createProvider}
          onCancel={() => setCreating(false)}
          onSaved={(provider) => {
            onProvider(provider);
            setCreating(false);
            setNotice(t('admin.providers.created', { name: provider.name }));
          }}
        />
      )}
      <ul class="cards">
        {sorted.map((provider) => (
          <li key={provider.id} class={provider.deleted ? 'card card--inactive' : 'card'}>
            <h3 class="card__title">{provider.name}</h3>
            <p class="card__meta">
              {t(`providerKind.${provider.kind}`)}
              {provider.phone !== null && ` · ${formatPhone(provider.phone)}`}
            </p>
            {provider.address !== '' && <p class="card__meta">{provider.address}</p>}
            {provider.deleted && <p class="badge badge--off">{t('admin.catalog.inactive')}</p>}
            {editing === provider.id ? (
              <ProviderForm
                provider={provider}
                save={(input) => updateProvider(provider.id, input)}
                onCancel={() => setEditing(null)}
                onSaved={(saved) => {
                  onProvider(saved);
                  setEditing(null);
                  setNotice(t('admin.providers.saved', { name: saved.name }));
                }}
              />
            ) : (
              <div class="card__actions">
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => {
                    setEditing(provider.id);
                    setNotice(null);
                  }}
                >
                  {t('common.edit')}
                  <span class="visually-hidden"> {provider.name}</span>
                </button>
                <ActiveToggle
                  name={provider.name}
                  deleted={provider.deleted}
                  save={(deleted) => updateProvider(provider.id, { deleted })}
                  onSaved={({ provider: saved }) => {
                    onProvider(saved);
                    setNotice(t(saved.deleted ? 'admin.catalog.deactivated' : 'admin.catalog.restored', { name: saved.name }));
                  }}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
