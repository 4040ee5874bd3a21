import { useId } from 'preact/hooks';

type Props = {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  /** Already in words; shown under the field and announced with it. */
  error?: string | null | undefined;
  hint?: string | undefined;
  type?: 'text' | 'password' | 'tel';
  autoComplete?: string;
  readOnly?: boolean;
  inputMode?: 'text' | 'tel' | 'numeric' | 'email';
};

/**
 * A labelled input with its hint and error beside it, tied together for screen
 * readers (`aria-describedby`, `aria-invalid`). The value lives in the caller's state,
 * so an error answer never clears what was typed.
 */
export function TextField({ label, name, value, onValue, error, hint, type = 'text', autoComplete, readOnly, inputMode }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  // Typed usernames and codes: no capital letter or spelling fix from a phone keyboard.
  const plain = type === 'text' && autoComplete !== 'name';
  const attributes = {
    id,
    class: 'field__input',
    name,
    value,
    readOnly,
    autoComplete,
    inputMode,
    autoCapitalize: plain ? ('none' as const) : undefined,
    spellcheck: plain ? false : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
    onInput: (event: { currentTarget: HTMLInputElement }) => onValue(event.currentTarget.value),
  };
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {type === 'password' ? <input type="password" {...attributes} /> : type === 'tel' ? <input type="tel" {...attributes} /> : <input type="text" {...attributes} />}
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
