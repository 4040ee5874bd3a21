import { useEffect, useId, useState } from 'preact/hooks';
import { areaChoices } from '../../../shared/domain/area-places';
import type { AreaPlace } from '../../../shared/schema/area-place.schema';
import { useT } from '../../i18n';
import type { FormProblem } from '../../ui/form-errors';
import { FormProblemMessage } from '../../ui/FormProblemMessage';
import { TextField } from '../../ui/TextField';
import { ActiveToggle } from './ActiveToggle';
import { AreaPlaceRenameForm } from './AreaPlaceRenameForm';
import { createAreaPlace, fetchAreaPlaces, updateAreaPlace } from './admin-api';
import { useAreaWords } from './area-words';

/** The office's kecamatan and their kelurahan: the list, a form to add a kelurahan, each one deactivated or restored. */
export function AreaSection() {
  const t = useT();
  const w = useAreaWords();
  const listId = useId();
  const [places, setPlaces] = useState<AreaPlace[] | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [kecamatan, setKecamatan] = useState('');
  const [kelurahan, setKelurahan] = useState('');
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);

  useEffect(() => {
    void fetchAreaPlaces().then((outcome) => {
      if (outcome.kind === 'ok') setPlaces(outcome.value.places);
      else setProblem(outcome.kind === 'unreachable' ? { kind: 'unreachable' } : { kind: 'error', code: outcome.error.code });
    });
  }, []);

  const put = (place: AreaPlace) => setPlaces((list) => [...(list ?? []).filter((other) => other.id !== place.id), place]);

  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await createAreaPlace({ kecamatan, kelurahan });
    setBusy(false);
    if (outcome.kind !== 'ok') {
      setProblem(outcome.kind === 'unreachable' ? { kind: 'unreachable' } : { kind: 'error', code: outcome.error.code });
      return;
    }
    setProblem(null);
    put(outcome.value.place);
    setNotice(w('added', { kecamatan: outcome.value.place.kecamatan, kelurahan: outcome.value.place.kelurahan }));
    setKelurahan('');
  };

  if (places === null) return problem === null ? <p class="muted">{w('loading')}</p> : <FormProblemMessage problem={problem} />;

  // Removed places too, so that an admin can restore one: grouped as the live list is.
  const byKecamatan = areaChoices(places.map((place) => ({ ...place, deleted: false }))).kecamatan;
  const active = areaChoices(places).kecamatan;

  return (
    <section aria-labelledby="area-title">
      <h2 id="area-title">{t('admin.area.title')}</h2>
      <p class="muted">{w('intro')}</p>
      <p class="notice notice--success" role="status" hidden={notice === null}>
        {notice}
      </p>
      <form class="card" aria-label={w('add')} onSubmit={(event) => void add(event)}>
        <div class="field">
          <label class="field__label" for={`${listId}-kecamatan`}>
            {w('kecamatan')}
          </label>
          <input
            id={`${listId}-kecamatan`}
            class="field__input"
            list={listId}
            value={kecamatan}
            aria-describedby={`${listId}-hint`}
            onInput={(event) => setKecamatan(event.currentTarget.value)}
          />
          <p id={`${listId}-hint`} class="field__hint">
            {w('kecamatanHint')}
          </p>
          <datalist id={listId}>
            {active.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
        <TextField label={w('kelurahan')} name="kelurahan" value={kelurahan} onValue={setKelurahan} />
        <FormProblemMessage problem={problem} />
        <button type="submit" class="button" disabled={busy}>
          {w('add')}
        </button>
      </form>
      {places.length === 0 && <p class="muted">{w('empty')}</p>}
      {byKecamatan.map((name) => {
        const inKecamatan = places.filter((place) => place.kecamatan === name).sort((a, b) => a.kelurahan.localeCompare(b.kelurahan, 'id'));
        return (
          <section key={name} class="area-kecamatan" aria-label={name}>
            <h3>
              {name} <span class="badge">{w('count', { count: inKecamatan.filter((place) => !place.deleted).length })}</span>
            </h3>
            <ul class="cards">
              {inKecamatan.map((place) => (
                <li key={place.id} class={place.deleted ? 'card card--inactive' : 'card'}>
                  <p class="card__title">{place.kelurahan}</p>
                  {place.deleted && <p class="badge badge--off">{t('admin.catalog.inactive')}</p>}
                  {renaming === place.id ? (
                    <AreaPlaceRenameForm
                      place={place}
                      onCancel={() => setRenaming(null)}
                      onSaved={(renamed) => {
                        setRenaming(null);
                        put(renamed);
                        setNotice(w('renamed', { kelurahan: renamed.kelurahan }));
                      }}
                    />
                  ) : (
                    <div class="card__actions">
                      <button type="button" class="button button--secondary" onClick={() => {
                          setRenaming(place.id);
                          setNotice(null);
                        }}>
                        {w('rename')}
                        <span class="visually-hidden"> {`${place.kelurahan}, ${place.kecamatan}`}</span>
                      </button>
                      <ActiveToggle
                        name={`${place.kelurahan}, ${place.kecamatan}`}
                        deleted={place.deleted}
                        save={(deleted) => updateAreaPlace(place.id, { deleted })}
                        onSaved={(answer) => {
                          put(answer.place);
                          setNotice(w('changed'));
                        }}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
