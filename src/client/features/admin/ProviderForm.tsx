import { PROVIDER_KINDS, type Provider, type ProviderKind } from '../../../shared/schema/provider.schema';
import type { ApiOutcome } from '../../api/api-request';
import { useT } from '../../i18n';
import { FormProblemMessage } from '../../ui/FormProblemMessage';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useForm } from '../../ui/use-form';
import type { ProviderInput } from './admin-api';

type Props = {
  /** The provider being edited; none to add one. */
  provider?: Provider;
  save: (input: ProviderInput) => Promise<ApiOutcome<{ provider: Provider }>>;
  onSaved: (provider: Provider) => void;
  onCancel: () => void;
};

const FIRST_KIND: ProviderKind = 'lpk';

function isKind(value: string): value is ProviderKind {
  return (PROVIDER_KINDS as readonly string[]).includes(value);
}

/** Name, kind, address, phone. An empty phone is sent as none; the server normalises the rest. */
export function ProviderForm({ provider, save, onSaved, onCancel }: Props) {
  const t = useT();
  const form = useForm({
    name: provider?.name ?? '',
    kind: provider?.kind ?? FIRST_KIND,
    address: provider?.address ?? '',
    phone: provider?.phone ?? '',
  });
  const { values } = form;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    const phone = values.phone.trim();
    const answer = await form.submit(() => save({ name: values.name, kind: values.kind, address: values.address, phone: phone === '' ? null : phone }));
    if (answer !== null) onSaved(answer.provider);
  };

  const title = provider === undefined ? t('admin.providers.new') : t('admin.providers.editTitle', { name: provider.name });
  return (
    <form class={provider === undefined ? 'form card' : 'form'} noValidate onSubmit={submit} aria-label={title}>
      {provider === undefined && <h3>{title}</h3>}
      <TextField label={t('admin.providers.name')} name="name" value={values.name} onValue={form.set('name')} error={form.error('name')} autoComplete="off" />
      <SelectField
        label={t('admin.providers.kind')}
        name="kind"
        value={values.kind}
        options={PROVIDER_KINDS.map((kind) => ({ value: kind, label: t(`providerKind.${kind}`) }))}
        onValue={(value) => isKind(value) && form.set('kind')(value)}
        error={form.error('kind')}
      />
      <TextField label={t('admin.providers.address')} name="address" value={values.address} onValue={form.set('address')} error={form.error('address')} autoComplete="off" />
      <TextField
        label={t('admin.providers.phone')}
        name="phone"
        type="tel"
        inputMode="tel"
        value={values.phone}
        onValue={form.set('phone')}
        error={form.error('phone')}
        hint={t('admin.providers.phoneHint')}
        autoComplete="off"
      />
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
