import { useId } from 'preact/hooks';

type Props = {
  label: string;
  name: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: string;
  error?: string | null | undefined;
};

/** A checkbox whose whole label is the tap target (≥ 44 px tall). */
export function CheckboxField({ label, name, checked, onChecked, hint, error }: Props) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--check field--invalid' : 'field field--check'}>
      <label class="check">
        <input
          type="checkbox"
          name={name}
          checked={checked}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(event) => onChecked(event.currentTarget.checked)}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
