import { useState } from 'preact/hooks';
import type { Vocation } from '../../../shared/schema/vocation.schema';
import { useT } from '../../i18n';
import { ActiveToggle } from './ActiveToggle';
import { createVocation, updateVocation } from './admin-api';
import { VocationForm } from './VocationForm';

type Props = { vocations: readonly Vocation[]; onVocation: (vocation: Vocation) => void };

/** What courses teach: the list (active first), a form to add one, one open for renaming at a time. */
export function VocationsSection({ vocations, onVocation }: Props) {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sorted = [...vocations].sort((a, b) => Number(a.deleted) - Number(b.deleted) || a.name.localeCompare(b.name));
  const saved = (vocation: Vocation, message: string) => {
    onVocation(vocation);
    setNotice(message);
  };

  return (
    <section aria-labelledby="vocations-title">
      <div class="section-head">
        <h2 id="vocations-title">{t('admin.vocations.title')}</h2>
        {!creating && (
          <button type="button" class="button" onClick={() => {
              setCreating(true);
              setNotice(null);
            }}>
            {t('admin.vocations.add')}
          </button>
        )}
      </div>
      <p class="muted">{t('admin.vocations.intro')}</p>
      <p class="notice notice--success" role="status" hidden={notice === null}>
        {notice}
      </p>
      {creating && (
        <VocationForm
          save={(name) => createVocation({ name })}
          onCancel={() => setCreating(false)}
          onSaved={(vocation) => {
            setCreating(false);
            saved(vocation, t('admin.vocations.created', { name: vocation.name }));
          }}
        />
      )}
      <ul class="cards">
        {sorted.map((vocation) => (
          <li key={vocation.id} class={vocation.deleted ? 'card card--inactive' : 'card'}>
            <h3 class="card__title">{vocation.name}</h3>
            {vocation.deleted && <p class="badge badge--off">{t('admin.catalog.inactive')}</p>}
            {editing === vocation.id ? (
              <VocationForm
                vocation={vocation}
                save={(name) => updateVocation(vocation.id, { name })}
                onCancel={() => setEditing(null)}
                onSaved={(renamed) => {
                  setEditing(null);
                  saved(renamed, t('admin.vocations.saved', { name: renamed.name }));
                }}
              />
            ) : (
              <div class="card__actions">
                <button type="button" class="button button--secondary" onClick={() => {
                    setEditing(vocation.id);
                    setNotice(null);
                  }}>
                  {t('admin.vocations.rename')}
                  <span class="visually-hidden"> {vocation.name}</span>
                </button>
                <ActiveToggle
                  name={vocation.name}
                  deleted={vocation.deleted}
                  save={(deleted) => updateVocation(vocation.id, { deleted })}
                  onSaved={(answer) => saved(answer.vocation, t(answer.vocation.deleted ? 'admin.catalog.deactivated' : 'admin.catalog.restored', { name: answer.vocation.name }))}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
