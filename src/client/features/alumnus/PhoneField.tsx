import { useId } from 'preact/hooks';

type Props = {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  hint: string;
  error?: string | null | undefined;
};

/**
 * A labelled phone number input (`type="tel"`: the phone keyboard) with its hint and
 * error tied to it for screen readers, as ui/TextField does. Kept here rather than
 * reusing TextField: importing it from this lazy chunk makes the bundler split the
 * first download into extra pieces (see vite.config.ts's initial-JS budget).
 */
export function PhoneField({ label, name, value, onValue, hint, error }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="field__input"
        type="tel"
        inputMode="tel"
        autoComplete="off"
        name={name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      <p id={hintId} class="field__hint">
        {hint}
      </p>
      {error && (
        <p id={errorId} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
