import { useState } from 'preact/hooks';
import type { ApiOutcome } from '../api/api-request';
import { asSentence, useErrorText } from '../i18n';
import { NO_ERRORS, formErrorsFrom, type FormErrors } from './form-errors';

type Values = Record<string, string | boolean>;

/**
 * A form's values, errors and busy flag. Values stay as typed whatever the answer: a
 * refused request only adds errors beside the fields, so nothing has to be typed twice.
 */
export function useForm<V extends Values>(initial: V) {
  type F = keyof V & string;
  const errorText = useErrorText();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FormErrors<F>>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const fields = Object.keys(initial) as F[];

  return {
    values,
    busy,
    problem: errors.problem,
    set:
      <K extends F>(field: K) =>
      (value: V[K]) =>
        setValues((current) => ({ ...current, [field]: value })),
    /** The field's error in words, or null. */
    error: (field: F): string | null => {
      const code = errors.fields[field];
      return code === undefined ? null : asSentence(errorText(code));
    },
    /**
     * Sends, and on refusal spreads the errors over the fields (`fieldOf` places codes
     * that name no path, such as `username-taken`). Resolves to the answer, or null.
     */
    async submit<T>(send: () => Promise<ApiOutcome<T>>, fieldOf: Readonly<Record<string, F>> = {}): Promise<T | null> {
      setBusy(true);
      const outcome = await send();
      setBusy(false);
      if (outcome.kind === 'ok') {
        setErrors(NO_ERRORS);
        return outcome.value;
      }
      setErrors(formErrorsFrom(outcome, fields, fieldOf));
      return null;
    },
  };
}
