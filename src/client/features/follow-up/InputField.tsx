import { useId } from 'preact/hooks';

type Props = {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'month' | 'date' | 'datetime-local';
  inputMode?: 'text' | 'numeric';
  hint?: string | undefined;
  error?: string | null | undefined;
};

/**
 * A labelled input with its hint and error tied to it for screen readers, as ui/TextField
 * does. A local copy, like alumnus/PhoneField: importing ui/TextField from a lazy chunk
 * makes the bundler split the first download into extra pieces (see vite.config.ts).
 */
export function InputField({ label, name, value, onValue, type = 'text', inputMode, hint, error }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const common = {
    id,
    class: 'field__input',
    name,
    value,
    autoComplete: 'off',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  };
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {type === 'text' ? (
        <input
          {...common}
          type="text"
          inputMode={inputMode}
          autoCapitalize={inputMode === 'numeric' ? undefined : 'sentences'}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      ) : (
        // Dates and months get the phone's own picker.
        <input {...common} type={type} onInput={(event) => onValue(event.currentTarget.value)} />
      )}
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
