import { useState } from 'preact/hooks';
import type { AlumnusContactPatch } from '../../../shared/api/alumni.api';
import { normalisePhone } from '../../../shared/domain/phone';
import type { Alumnus } from '../../../shared/schema';
import { asSentence, useErrorText, useT } from '../../i18n';
import { useMutate } from '../../sync/SyncProvider';
import { useAlumnusWords } from './alumnus-words';
import { TextField } from '../../ui/TextField';
import { AreaFields } from './AreaFields';
import { PhoneField } from './PhoneField';
import { TextAreaField } from './TextAreaField';

/** Free-text fields sent as typed (the schema trims them); the phones are compared once normalised. */
const TEXT_FIELDS = ['address', 'kecamatan', 'kelurahan', 'email', 'birthPlace', 'regency', 'province'] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];
type Field = 'phone' | 'whatsapp' | TextFieldName;
type Values = Record<Field, string>;
type Problem = { kind: 'fields' } | { kind: 'text'; text: string };

/** How the form closed: a change queued, or nothing to queue. */
export type ContactFormEnd = 'saved' | 'unchanged';

type Props = { alumnus: Alumnus; onEnd: (end: ContactFormEnd) => void; onCancel: () => void };

/**
 * Corrects phone, WhatsApp, address, kecamatan and kelurahan, email, place of birth, kabupaten/kota and provinsi through the mutation layer: checked with the
 * shared schema, applied on this device and queued for the server in one step, offline
 * or not. Only the fields that differ are sent, so this edit never overrides another
 * officer's correction of a field this one did not touch (last writer wins per field).
 * What was typed stays in the fields whatever the answer.
 */
export function ContactForm({ alumnus, onEnd, onCancel }: Props) {
  const t = useT();
  const w = useAlumnusWords();
  const errorText = useErrorText();
  const mutate = useMutate();
  const [values, setValues] = useState<Values>({
    phone: alumnus.phone ?? '',
    whatsapp: alumnus.whatsapp ?? '',
    address: alumnus.address,
    kecamatan: alumnus.kecamatan,
    kelurahan: alumnus.kelurahan,
    email: alumnus.email,
    birthPlace: alumnus.birthPlace,
    regency: alumnus.regency,
    province: alumnus.province,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const error = (field: Field) => {
    const code = errors[field];
    return code === undefined ? null : asSentence(errorText(code));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const patch = changedFields(alumnus, values);
    if (Object.keys(patch).length === 0) {
      onEnd('unchanged');
      return;
    }
    setBusy(true);
    const result = await mutate('alumnus.update-contact', { id: alumnus.id, patch });
    setBusy(false);
    if (result.kind === 'ok') {
      onEnd('saved');
      return;
    }
    if (result.kind === 'invalid') {
      const placed: Partial<Record<Field, string>> = {};
      let unplaced: string | null = null;
      for (const issue of result.issues) {
        const field = fieldOf(issue.path);
        if (field === null) unplaced ??= issue.code;
        else placed[field] ??= issue.code;
      }
      setErrors(placed);
      setProblem(unplaced === null ? { kind: 'fields' } : { kind: 'text', text: asSentence(errorText(unplaced)) });
      return;
    }
    setErrors({});
    setProblem({ kind: 'text', text: t(`sync.problem.${result.kind}`) });
  };

  return (
    <form class="form" noValidate onSubmit={submit} aria-label={w('contact.formLabel', { name: alumnus.name })}>
      <PhoneField
        label={w('contact.phone')}
        name="phone"
        hint={w('contact.phoneHint')}
        value={values.phone}
        onValue={set('phone')}
        error={error('phone')}
      />
      <PhoneField
        label={w('contact.whatsapp')}
        name="whatsapp"
        hint={w('contact.phoneHint')}
        value={values.whatsapp}
        onValue={set('whatsapp')}
        error={error('whatsapp')}
      />
      <TextAreaField label={w('contact.address')} name="address" value={values.address} onValue={set('address')} error={error('address')} />
      <AreaFields
        kecamatan={values.kecamatan}
        kelurahan={values.kelurahan}
        onValues={(area) => setValues((current) => ({ ...current, ...area }))}
        errors={{ kecamatan: error('kecamatan'), kelurahan: error('kelurahan') }}
      />
      <TextField label={w('contact.email')} name="email" inputMode="email" autoComplete="email" value={values.email} onValue={set('email')} error={error('email')} />
      <TextField label={w('contact.regency')} name="regency" value={values.regency} onValue={set('regency')} error={error('regency')} />
      <TextField label={w('contact.province')} name="province" value={values.province} onValue={set('province')} error={error('province')} />
      <TextField label={w('identity.birthPlace')} name="birthPlace" value={values.birthPlace} onValue={set('birthPlace')} error={error('birthPlace')} />
      {problem !== null && (
        <p class="form-problem" role="alert">
          {problem.kind === 'fields' ? t('form.fixFields') : problem.text}
        </p>
      )}
      <div class="form__actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : w('contact.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The fields whose value would change, as typed (the mutation normalises them). A phone
 * typed another way (`0812…` for a stored `+62812…`) is no change; one that cannot be a
 * phone number is always sent, so the schema's refusal shows beside it. Empty clears.
 */
function changedFields(alumnus: Alumnus, values: Values): AlumnusContactPatch {
  const patch: AlumnusContactPatch = {};
  for (const field of ['phone', 'whatsapp'] as const) {
    const typed = values[field].trim();
    if (typed === '') {
      if (alumnus[field] !== null) patch[field] = null;
    } else {
      const normal = normalisePhone(typed);
      if (normal === null || normal !== alumnus[field]) patch[field] = typed;
    }
  }
  for (const field of TEXT_FIELDS) {
    if (values[field].trim() !== alumnus[field]) patch[field] = values[field];
  }
  return patch;
}

/** `patch.phone` → `phone`; issues about anything else belong to the form as a whole. */
function fieldOf(path: string): Field | null {
  const field = path.replace(/^patch\./, '');
  return field === 'phone' || field === 'whatsapp' || (TEXT_FIELDS as readonly string[]).includes(field) ? (field as Field) : null;
}
