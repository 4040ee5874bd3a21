import type { Vocation } from '../../../shared/schema/vocation.schema';
import type { ApiOutcome } from '../../api/api-request';
import { useT } from '../../i18n';
import { FormProblemMessage } from '../../ui/FormProblemMessage';
import { TextField } from '../../ui/TextField';
import { useForm } from '../../ui/use-form';

type Props = {
  /** The vocation being renamed; none to add one. */
  vocation?: Vocation;
  save: (name: string) => Promise<ApiOutcome<{ vocation: Vocation }>>;
  onSaved: (vocation: Vocation) => void;
  onCancel: () => void;
};

/** One field, the name; the server checks it with the vocation schema and trims it. */
export function VocationForm({ vocation, save, onSaved, onCancel }: Props) {
  const t = useT();
  const form = useForm({ name: vocation?.name ?? '' });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    const answer = await form.submit(() => save(form.values.name));
    if (answer !== null) onSaved(answer.vocation);
  };

  const title = vocation === undefined ? t('admin.vocations.new') : t('admin.vocations.editTitle', { name: vocation.name });
  return (
    <form class={vocation === undefined ? 'form card' : 'form'} noValidate onSubmit={submit} aria-label={title}>
      {vocation === undefined && <h3>{title}</h3>}
      <TextField label={t('admin.vocations.name')} name="name" value={form.values.name} onValue={form.set('name')} error={form.error('name')} hint={t('admin.vocations.nameHint')} autoComplete="off" />
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
