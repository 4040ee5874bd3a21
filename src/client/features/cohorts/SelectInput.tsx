import { useId } from 'preact/hooks';

type Props = {
  label: string;
  name: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onValue: (value: string) => void;
  error?: string | null | undefined;
};

/**
 * A labelled select with its error beside it, as ui/SelectField; a local copy for the
 * same reason follow-up/InputField is one (importing ui/ fields from a lazy chunk splits
 * the first download into extra pieces).
 */
export function SelectInput({ label, name, value, options, onValue, error }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <select
        id={id}
        class="field__input"
        name={name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
