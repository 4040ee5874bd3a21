import { useId } from 'preact/hooks';

type Props = {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | null | undefined;
};

/**
 * A labelled multi-line field with its error beside it, like TextField: an address runs
 * to street, RT/RW and landmarks, and reads better with the keyboard's capitals on.
 */
export function TextAreaField({ label, name, value, onValue, error }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <textarea
        id={id}
        class="field__input"
        name={name}
        rows={3}
        autoComplete="off"
        autoCapitalize="sentences"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {error && (
        <p id={errorId} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
