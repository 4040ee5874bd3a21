import { BandField } from './BandField';
import type { FormField } from './build-follow-up';
import type { FollowUpValues, TextField } from './follow-up-values';
import { useFollowUpWords } from './follow-up-words';
import { InputField } from './InputField';

type Props = {
  values: FollowUpValues;
  set: (field: TextField) => (value: string) => void;
  error: (field: FormField) => string | null;
};

/**
 * The details of the status found: the job, or the business; nothing more for someone
 * still seeking. All optional — the status itself is what the figures count — so an
 * officer in a hurry taps "employed" and saves. Start month, not day: people remember
 * "since March", and `type="month"` gives the phone's month picker.
 */
export function StatusFields({ values, set, error }: Props) {
  const w = useFollowUpWords();
  if (values.status === 'employed') {
    return (
      <>
        <InputField label={w('employer')} name="employer" value={values.employer} onValue={set('employer')} error={error('employer')} />
        <InputField label={w('jobTitle')} name="jobTitle" value={values.jobTitle} onValue={set('jobTitle')} error={error('jobTitle')} />
        <InputField label={w('sector')} name="sector" value={values.sector} onValue={set('sector')} error={error('sector')} />
        <InputField
          label={w('employedSince')}
          name="startMonth"
          type="month"
          value={values.startMonth}
          onValue={set('startMonth')}
          error={error('startMonth')}
        />
        <BandField label={w('incomeBand')} name="incomeBand" value={values.incomeBand} onValue={set('incomeBand')} error={error('incomeBand')} />
      </>
    );
  }
  if (values.status === 'business') {
    return (
      <>
        <InputField label={w('businessName')} name="businessName" value={values.businessName} onValue={set('businessName')} error={error('businessName')} />
        <InputField label={w('businessKind')} name="businessKind" value={values.businessKind} onValue={set('businessKind')} error={error('businessKind')} />
        <InputField
          label={w('businessSince')}
          name="startMonth"
          type="month"
          value={values.startMonth}
          onValue={set('startMonth')}
          error={error('startMonth')}
        />
        <InputField
          label={w('businessEmployees')}
          name="businessEmployees"
          inputMode="numeric"
          hint={w('businessEmployees.hint')}
          value={values.businessEmployees}
          onValue={set('businessEmployees')}
          error={error('businessEmployees')}
        />
        <BandField label={w('revenueBand')} name="revenueBand" value={values.revenueBand} onValue={set('revenueBand')} error={error('revenueBand')} />
      </>
    );
  }
  return null;
}
