import { useEffect, useState } from 'preact/hooks';
import { cleanNik } from '../../../shared/domain/nik';
import type { ErrorCode } from '../../../shared/errors';
import { EDUCATION_LEVELS, GENDERS, type Alumnus } from '../../../shared/schema';
import { asSentence, useErrorText, useLanguage, useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { useDb } from '../../storage/DbProvider';
import { useMutate } from '../../sync/SyncProvider';
import { TextAreaField } from '../alumnus/TextAreaField';
import { ChoiceGroup } from '../follow-up/ChoiceGroup';
import { InputField } from '../follow-up/InputField';
import { useCohortsWords } from './cohorts-words';
import { EMPTY_ENROL, enrolArgs, enrolFieldOf, type EnrolField, type EnrolValues } from './enrol-values';
import { SelectField } from '../../ui/SelectField';
import { newRecordId } from '../../../shared/record-id';

type Props = { cohortId: string; enrolledAlumnusIds: ReadonlySet<string>; onClose: () => void };

const newIds = () => ({ enrollmentId: newRecordId(), alumnusId: newRecordId() });

/**
 * Enrols one person, NIK first: a NIK this device already knows fills in the person and
 * reuses them (a person trained twice is one alumnus with two enrolments); otherwise the
 * rest of the form makes a new alumnus. Checked with the shared schemas by the mutation
 * layer; errors go beside their fields and nothing typed is lost. Stays open after a
 * save for the next person.
 */
export function EnrolForm({ cohortId, enrolledAlumnusIds, onClose }: Props) {
  const t = useT();
  const w = useCohortsWords();
  const errorText = useErrorText();
  const [language] = useLanguage();
  const db = useDb();
  const mutate = useMutate();
  const [values, setValues] = useState<EnrolValues>(EMPTY_ENROL);
  const [errors, setErrors] = useState<Partial<Record<EnrolField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ids, setIds] = useState(newIds);
  const [existing, setExisting] = useState<Alumnus | null>(null);

  const nik = cleanNik(values.nik);
  useEffect(() => {
    let current = true;
    const lookup = nik.length === 16 ? db.alumni.where('nik').equals(nik).first() : Promise.resolve(undefined);
    lookup.then(
      (found) => current && setExisting(found === undefined || found.deleted ? null : found),
      () => current && setExisting(null),
    );
    return () => {
      current = false;
    };
  }, [db, nik]);

  const here = existing !== null && enrolledAlumnusIds.has(existing.id);
  const set = (field: EnrolField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const error = (field: EnrolField) => errors[field] ?? (field === 'nik' && here ? w('enrol.alreadyHere') : null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    if (here) {
      setProblem(t('form.fixFields'));
      return;
    }
    setBusy(true);
    const args = enrolArgs(values, existing, { ...ids, cohortId });
    const result = await mutate('enrollment.create', args);
    setBusy(false);
    if (result.kind === 'ok') {
      setSaved(w('enrol.saved', { name: args.alumnus.name }));
      setValues(EMPTY_ENROL);
      setErrors({});
      setProblem(null);
      setIds(newIds());
      return;
    }
    if (result.kind === 'invalid') {
      const placed: Partial<Record<EnrolField, string>> = {};
      for (const { path, code } of result.issues) {
        const field = enrolFieldOf(path);
        // A choice not made reads "required", not "not one of the choices".
        placed[field] ??= wordsFor(code === 'invalid-choice' && values[field].trim() === '' ? 'required' : code);
      }
      setErrors(placed);
      setProblem(t('form.fixFields'));
    } else setProblem(t(`sync.problem.${result.kind}`));
  };

  const wordsFor = (code: ErrorCode) => (code === 'conflict' ? w('enrol.alreadyHere') : asSentence(errorText(code)));

  return (
    <form class="form cohort__enrol" noValidate aria-label={w('enrol.title')} onSubmit={(event) => void submit(event)}>
      <h3>{w('enrol.title')}</h3>
      <InputField label={w('enrol.nik')} name="nik" inputMode="numeric" hint={w('enrol.nik.hint')} value={values.nik} onValue={set('nik')} error={error('nik')} />
      {existing !== null ? (
        <p class="notice" role="status">
          {w('enrol.existing', { name: existing.name, birthDate: formatDate(existing.birthDate, language) })}
        </p>
      ) : (
        <>
          <InputField label={w('enrol.name')} name="name" value={values.name} onValue={set('name')} error={error('name')} />
          <ChoiceGroup
            legend={w('enrol.gender')}
            name="gender"
            value={values.gender}
            options={GENDERS.map((gender) => ({ value: gender, label: w(`enrol.gender.${gender}`) }))}
            onValue={set('gender')}
            error={error('gender')}
          />
          <InputField label={w('enrol.birthDate')} name="birthDate" type="date" value={values.birthDate} onValue={set('birthDate')} error={error('birthDate')} />
          <InputField label={w('enrol.phone')} name="phone" inputMode="numeric" value={values.phone} onValue={set('phone')} error={error('phone')} />
          <TextAreaField label={w('enrol.address')} name="address" value={values.address} onValue={set('address')} error={error('address')} />
          <InputField label={w('enrol.kelurahan')} name="kelurahan" value={values.kelurahan} onValue={set('kelurahan')} error={error('kelurahan')} />
          <InputField label={w('enrol.kecamatan')} name="kecamatan" value={values.kecamatan} onValue={set('kecamatan')} error={error('kecamatan')} />
          <SelectField
            label={w('enrol.education')}
            name="education"
            value={values.education}
            options={[
              { value: '', label: w('field.choose') },
              ...EDUCATION_LEVELS.map((level) => ({ value: level, label: level === 'none' ? w('enrol.education.none') : level.toUpperCase() })),
            ]}
            onValue={set('education')}
            error={error('education')}
          />
        </>
      )}
      {problem !== null && (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      )}
      <p role="status" class={saved === null ? 'visually-hidden' : 'notice notice--success'}>
        {saved}
      </p>
      <div class="form__actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : w('enrol.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={onClose}>
          {w('enrol.close')}
        </button>
      </div>
    </form>
  );
}
