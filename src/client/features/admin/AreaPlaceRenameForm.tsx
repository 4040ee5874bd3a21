import type { AreaPlace } from '../../../shared/schema/area-place.schema';
import { useT } from '../../i18n';
import { FormProblemMessage } from '../../ui/FormProblemMessage';
import { TextField } from '../../ui/TextField';
import { useForm } from '../../ui/use-form';
import { updateAreaPlace } from './admin-api';
import { useAreaWords } from './area-words';

type Props = { place: AreaPlace; onSaved: (place: AreaPlace) => void; onCancel: () => void };

/**
 * Corrects a kelurahan's spelling. People already recorded keep the old text (they are
 * the officers' records, changed only by a contact edit); the list offers the new name.
 */
export function AreaPlaceRenameForm({ place, onSaved, onCancel }: Props) {
  const t = useT();
  const w = useAreaWords();
  const form = useForm({ kelurahan: place.kelurahan });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    const answer = await form.submit(() => updateAreaPlace(place.id, { kelurahan: form.values.kelurahan }));
    if (answer !== null) onSaved(answer.place);
  };

  return (
    <form class="form" noValidate onSubmit={submit} aria-label={w('renameTitle', { kelurahan: place.kelurahan, kecamatan: place.kecamatan })}>
      <TextField label={w('kelurahan')} name="kelurahan" value={form.values.kelurahan} onValue={form.set('kelurahan')} error={form.error('kelurahan')} autoComplete="off" />
      <FormProblemMessage problem={form.problem} />
      <div class="form__actions">
        <button type="submit" class="button" disabled={form.busy}>
          {t(form.busy ? 'common.saving' : 'common.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
